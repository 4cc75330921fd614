@testable import Archive
import Foundation
import Governance
import Governor
import TestSupport
import XCTest

final class ArchiveGovernorStateStoreTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private let noon = Date(timeIntervalSince1970: 1_750_000_000)

    override func setUpWithError() throws {
        directory = try temporaryDirectory(prefix: "governance")
    }

    private var databasePath: String { directory.archivePath }

    /// A governor over its own `ArchiveStore` instance of the shared database file.
    private func governor(_ configuration: GovernorConfiguration) throws -> RateGovernor {
        let store = ArchiveGovernorStateStore(archive: try ArchiveStore(path: databasePath))
        return try RateGovernor(configuration: configuration, store: store, random: ZeroRandom())
    }

    /// One history token a second, burst 2, no human delay, a job budget of 3 a day, days in UTC.
    private var tightConfiguration: GovernorConfiguration {
        var configuration = GovernorConfiguration()
        configuration.classes.history = RateLimit(perSecond: 1, burst: 2)
        configuration.humanDelayMin = 0
        configuration.humanDelayMax = 0
        configuration.accountWarmUp = nil
        configuration.jobWarmUps = ["news": WarmUpBudget(day1: 3, growth: 2, cap: 100)]
        configuration.timeZone = TimeZone(identifier: "UTC") ?? .current
        return configuration
    }

    func testStateRoundTripsThroughTheArchiveAsJSON() throws {
        let archive = try ArchiveStore(path: databasePath)
        let noon = noon
        let store = ArchiveGovernorStateStore(archive: archive, now: { noon })
        let governor = try RateGovernor(configuration: tightConfiguration, store: store, random: ZeroRandom())

        XCTAssertEqual(try governor.admit(AdmissionRequest(method: "messages.getHistory", job: "news", maxWait: 0), at: noon),
                       .proceed(after: 0))
        try governor.recordFloodWait(.history, seconds: 30, at: noon)

        let record = try XCTUnwrap(try archive.governorState(account: "default"))
        XCTAssertEqual(record.updatedAt, noon)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: record.state))
        let reread = try ArchiveGovernorStateStore(archive: ArchiveStore(path: databasePath)).update { $0 }
        let expected = try store.update { $0 }
        XCTAssertEqual(reread, expected)
        XCTAssertNotEqual(reread, GovernorState())
    }

    func testAnUpdateThatChangesNothingWritesNothing() throws {
        let archive = try ArchiveStore(path: databasePath)
        let store = ArchiveGovernorStateStore(archive: archive)
        let governor = try RateGovernor(configuration: tightConfiguration, store: store, random: ZeroRandom())
        _ = try governor.admit(AdmissionRequest(method: "messages.getHistory", job: nil, maxWait: 0), at: noon)
        let version = try XCTUnwrap(try archive.governorState(account: "default")).version

        try governor.recordSuccess(.history, at: noon)  // at the full rate: nothing to give back

        XCTAssertEqual(try archive.governorState(account: "default")?.version, version)
    }

    func testTwoGovernorsOnOneArchiveFileShareTokens() throws {
        let first = try governor(tightConfiguration)
        let second = try governor(tightConfiguration)
        let request = AdmissionRequest(method: "messages.getHistory", job: nil, maxWait: 10)

        let admissions = try [first, second, first, second].map { try $0.admit(request, at: noon) }

        // Burst 2 then one token a second, queued across both governors: 0, 0, 1 and 2 s.
        XCTAssertEqual(admissions, [.proceed(after: 0), .proceed(after: 0), .proceed(after: 1), .proceed(after: 2)])
    }

    func testTwoGovernorsOnOneArchiveFileShareBudgets() throws {
        let first = try governor(tightConfiguration)
        let second = try governor(tightConfiguration)
        let request = AdmissionRequest(method: "messages.getHistory", job: "news", maxWait: 10)

        _ = try first.admit(request, at: noon)
        _ = try second.admit(request, at: noon.addingTimeInterval(5))
        _ = try first.admit(request, at: noon.addingTimeInterval(10))
        let fourth = try second.admit(request, at: noon.addingTimeInterval(15))

        let midnight = Date(timeIntervalSince1970: 1_750_032_000)  // 2025-06-16T00:00:00Z
        XCTAssertEqual(fourth, .defer(reason: .budget(scope: .job("news"), until: midnight)))
    }

    func testAFloodWaitSeenByOneProcessCoolsTheOtherDown() throws {
        let first = try governor(tightConfiguration)
        let second = try governor(tightConfiguration)

        try first.recordFloodWait(.history, seconds: 120, at: noon)
        let admission = try second.admit(
            AdmissionRequest(method: "messages.getHistory", job: nil, maxWait: 10), at: noon.addingTimeInterval(1))

        XCTAssertEqual(admission, .defer(reason: .coolDown(until: noon.addingTimeInterval(120))))
    }

    func testUnreadableStoredStateIsReportedAsCorrupt() throws {
        let archive = try ArchiveStore(path: databasePath)
        try archive.updateGovernorState(account: "default", now: noon) { _ in Data("not json".utf8) }

        XCTAssertThrowsError(try ArchiveGovernorStateStore(archive: archive).update { _ in () }) { error in
            guard case .corruptState(let location, _)? = error as? GovernorStoreError else {
                return XCTFail("expected corruptState, got \(error)")
            }
            XCTAssertEqual(location, databasePath)
        }
    }

    /// Buckets that never make `other` calls wait, no human delay, an account budget of `day1` a day
    /// doubling daily, days in UTC: only the budget can say no.
    private func budgetOnly(day1: Int) -> GovernorConfiguration {
        var configuration = GovernorConfiguration()
        configuration.account = RateLimit(perSecond: 1_000, burst: 1_000)
        configuration.classes.other = RateLimit(perSecond: 1_000, burst: 1_000)
        configuration.humanDelayMin = 0
        configuration.humanDelayMax = 0
        configuration.accountWarmUp = WarmUpBudget(day1: day1, growth: 2, cap: 100_000)
        configuration.timeZone = TimeZone(identifier: "UTC") ?? .current
        return configuration
    }

    func testRestartResumesTheBudgetAndTheWarmUpDay() throws {
        let request = AdmissionRequest(methodClass: .other, job: nil, maxWait: 0)
        let before = try governor(budgetOnly(day1: 5))
        for _ in 0..<3 { XCTAssertEqual(try before.admit(request, at: noon), .proceed(after: 0)) }

        let restarted = try governor(budgetOnly(day1: 5))
        var sameDay = 0
        while case .proceed = try restarted.admit(request, at: noon) { sameDay += 1 }
        var nextDay = 0
        while case .proceed = try governor(budgetOnly(day1: 5)).admit(request, at: noon.addingTimeInterval(86_400)) { nextDay += 1 }

        XCTAssertEqual(sameDay, 2, "5 a day, 3 spent before the restart")
        XCTAssertEqual(nextDay, 10, "day 2 of the warm-up")
    }

    func testConcurrentGovernorsOnThreadsLoseNoUpdate() throws {
        let governors = try (0..<4).map { _ in try governor(budgetOnly(day1: 200)) }
        let admitted = Counter()
        let now = noon

        DispatchQueue.concurrentPerform(iterations: governors.count) { index in
            for _ in 0..<50 {
                let request = AdmissionRequest(methodClass: .other, job: "job\(index)", maxWait: 0)
                if case .proceed = try? governors[index].admit(request, at: now) { admitted.add() }
            }
        }

        // 200 admitted spend the whole day's budget only if no update was lost: one more must wait.
        XCTAssertEqual(admitted.value, 200)
        guard case .defer(reason: .budget) = try governors[0].admit(
            AdmissionRequest(methodClass: .other, job: nil, maxWait: 0), at: noon) else {
            return XCTFail("the 201st call was admitted: an update was lost")
        }
    }

}

/// Always draws zero, so the human delay is always its minimum.
struct ZeroRandom: RandomNumberGenerator {
    mutating func next() -> UInt64 { 0 }

}

/// A count shared by threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
