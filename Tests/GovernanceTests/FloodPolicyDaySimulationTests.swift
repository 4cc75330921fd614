import Client
import Foundation
import Governance
import Governor
import Jobs
import MTProtoCrypto
import Sandbox
import SandboxTestSupport
import TL
import XCTest

/// Simulated history paging through the governed pipeline against the sandbox's Telegram-like
/// flood policy: the governor's defaults must stay under the server's limit while using nearly all of it.
final class FloodPolicyDaySimulationTests: XCTestCase {
    /// Simulated time paged. The in-process sandbox answers a call in about 2.5 ms of real time in a debug
    /// build, so a full day (86,400 calls) takes some 3.5 minutes; one hour (the steady state is reached
    /// after the first burst, within seconds) keeps the test near 10 s. Set it to 86_400 to replay a day.
    /// Simulated seconds: one hour by default (about 13 s of a debug build); `TGCRON_GOVERNOR_SIM_HOURS=24` replays
    /// the whole day the issue describes (a few minutes).
    private static let span: TimeInterval = 3_600
        * (ProcessInfo.processInfo.environment["TGCRON_GOVERNOR_SIM_HOURS"].flatMap(Double.init) ?? 1)

    func testShippedSettingsPageWithoutFloodWaitsAtOver95PercentOfThePolicyMaximumAtIrregularGaps() async throws {
        let sandbox = InProcessSandbox(flood: .telegramLike)
        try await sandbox.logInAlice()
        // The shipped settings (human gaps of at least 0.5 s drawn around the spacing), with no account warm-up
        // (budgets are tested on their own; the default 2,000 a day would end the day in half an hour).
        var settings = Settings()
        settings.telegramClient.warmup = nil
        var configuration = try GovernorConfiguration(settings: settings, jobs: [], fallbackTimeZone: TimeZone(identifier: "UTC") ?? .current)
        configuration.accountWarmUp = nil
        XCTAssertEqual(configuration.humanDelayMin...configuration.humanDelayMax, 0.5...3)
        let governor = try RateGovernor(
            configuration: configuration, store: InMemoryGovernorStateStore(), random: SeededRandom(seed: 7))
        let admission = GovernedAdmission(governor: governor, job: "big", maxWait: .seconds(300), clock: sandbox.clock)
        let floods = RecordingFloodObserver()
        let invoker = InvocationPipeline(admission: admission, floodObserver: floods, clock: sandbox.clock)
            .wrap(sandbox.terminal())
        let peer = try await PeerResolver(invoker: invoker, cache: InMemoryPeerCache()).resolve(.username("sandbox_news"))
        let page = Api.Messages.GetHistory(
            peer: peer.inputPeer, offsetId: 0, offsetDate: 0, addOffset: 0, limit: 1, maxId: 0, minId: 0, hash: 0)

        let start = sandbox.clock.now()
        let end = start + Self.span
        var pages = 0
        var sent: [Double] = []
        while sandbox.clock.now() < end {
            _ = try await invoker.invoke(page)
            sent.append(sandbox.clock.now())
            if sandbox.clock.now() < end { pages += 1 }
        }
        let gaps = zip(sent.dropFirst(), sent).map { $0 - $1 }.dropFirst(5)

        let rule = try XCTUnwrap(FloodPolicy.telegramLike.rules["messages.getHistory"])
        let allowed = Double(rule.limit) / rule.window * Self.span
        let waits = await floods.waits
        print("simulated \(Int(Self.span)) s: \(pages) history pages of \(Int(allowed)) allowed (\(Double(pages) / allowed)), "
            + "\(waits.count) flood waits, \(sandbox.clock.sleeps.count) sleeps")
        XCTAssertLessThanOrEqual(waits.count, 1, "flood waits: \(waits)")
        XCTAssertGreaterThanOrEqual(Double(pages), 0.95 * allowed)
        XCTAssertGreaterThan((gaps.max() ?? 0) - (gaps.min() ?? 0), 0.5, "irregular gaps")
        XCTAssertGreaterThanOrEqual(gaps.min() ?? 0, 0.5 - 1e-6, "never under the minimum gap")
    }
}
