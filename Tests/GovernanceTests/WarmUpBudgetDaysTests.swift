import Client
import Foundation
import Governance
import Governor
import SandboxTestSupport
import TL
import XCTest

/// A job's warm-up budget over simulated days, through the governed pipeline against the sandbox.
final class WarmUpBudgetDaysTests: XCTestCase {
    func testAJobBudgetOf10Growing2xAdmits10Then20Then40CallsADayThenDefersForTheBudget() async throws {
        let sandbox = InProcessSandbox()
        try await sandbox.logInAlice()
        let utc = try XCTUnwrap(TimeZone(identifier: "UTC"))
        var configuration = GovernorConfiguration()
        configuration.accountWarmUp = nil
        configuration.jobWarmUps = ["news": WarmUpBudget(day1: 10, growth: 2, cap: 1_000)]
        configuration.timeZone = utc
        let governor = try RateGovernor(configuration: configuration, store: InMemoryGovernorStateStore())
        let admission = GovernedAdmission(governor: governor, job: "news", maxWait: .seconds(60), clock: sandbox.clock)
        let invoker = InvocationPipeline(admission: admission, clock: sandbox.clock).wrap(sandbox.terminal())
        let channel = try XCTUnwrap(sandbox.world.channel(username: "sandbox_news"))
        let page = Api.Messages.GetHistory(
            peer: .inputPeerChannel(.init(channelId: channel.id, accessHash: channel.accessHash)),
            offsetId: 0, offsetDate: 0, addOffset: 0, limit: 1, maxId: 0, minId: 0, hash: 0)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc

        var admittedPerDay: [Int] = []
        for _ in 1...3 {
            let now = Date(timeIntervalSince1970: sandbox.clock.now())
            let midnight = try XCTUnwrap(calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now)))
            var admitted = 0
            var deferral: DeferralReason?
            while deferral == nil {
                do {
                    _ = try await invoker.invoke(page)
                    admitted += 1
                } catch ClientError.deferred(let method, let reason) {
                    XCTAssertEqual(method, "messages.getHistory")
                    deferral = reason
                }
            }
            admittedPerDay.append(admitted)
            XCTAssertEqual(deferral, .budget(scope: .job("news"), until: midnight))
            sandbox.clock.advance(by: midnight.timeIntervalSince1970 - sandbox.clock.now() + 3_600)
        }

        XCTAssertEqual(admittedPerDay, [10, 20, 40])
    }
}
