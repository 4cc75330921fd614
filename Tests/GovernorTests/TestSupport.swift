import Foundation
@_exported import TestSupport
import XCTest
@testable import Governor

/// Start of the simulated clocks: 2025-06-15 00:00 UTC.
let simulationStart = Date(timeIntervalSince1970: 1_749_945_600)

/// A time zone that must exist on the test machine.
func zone(_ identifier: String) throws -> TimeZone {
    try XCTUnwrap(TimeZone(identifier: identifier), "time zone \(identifier) is missing")
}

extension GovernorConfiguration {
    /// Buckets so fast they never make anyone wait, no human delay and no budgets, days in UTC: each test
    /// then sets only what it is about.
    static var unlimited: GovernorConfiguration {
        var configuration = GovernorConfiguration()
        let fast = RateLimit(perSecond: 1_000, burst: 1_000)
        configuration.account = fast
        configuration.classes = ClassLimits(history: fast, resolve: fast, fullInfo: fast, other: fast)
        configuration.humanDelayMin = 0
        configuration.humanDelayMax = 0
        configuration.accountWarmUp = nil
        configuration.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        return configuration
    }
}

extension RateGovernor {
    /// A governor over `store` drawing human delays from a seeded generator.
    static func make(
        _ configuration: GovernorConfiguration, store: any GovernorStateStore = InMemoryGovernorStateStore(),
        seed: UInt64 = 1
    ) throws -> RateGovernor {
        try RateGovernor(configuration: configuration, store: store, random: SeededRandom(seed: seed))
    }

    /// Admits a call of `methodClass` at `now`, failing the test unless it may proceed; returns when it runs.
    func callTime(
        _ methodClass: MethodClass, job: String? = nil, at now: Date, maxWait: TimeInterval = 3_600,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> Date {
        let admission = try admit(AdmissionRequest(methodClass: methodClass, job: job, maxWait: maxWait), at: now)
        guard case .proceed(let delay) = admission else {
            XCTFail("expected to proceed, got \(admission)", file: file, line: line)
            return now
        }
        return now.addingTimeInterval(delay)
    }

    /// The instants of `count` calls by a caller that asks again as soon as each call is made.
    func greedyCallTimes(_ methodClass: MethodClass, count: Int, from start: Date) throws -> [Date] {
        var now = start
        var times: [Date] = []
        for _ in 0..<count {
            now = try callTime(methodClass, at: now)
            times.append(now)
        }
        return times
    }
}

/// The most of `times` (sorted) that fall in any half-open window `(t − length, t]`.
func busiestWindow(_ times: [Date], length: TimeInterval) -> Int {
    var start = 0
    var most = 0
    for end in times.indices {
        while times[end].timeIntervalSince(times[start]) >= length {
            start += 1
        }
        most = max(most, end - start + 1)
    }
    return most
}

/// The gaps between consecutive `times`.
func gaps(_ times: [Date]) -> [TimeInterval] {
    zip(times.dropFirst(), times).map { $0.timeIntervalSince($1) }
}

/// The instant an ISO 8601 UTC timestamp such as `2025-03-09T05:00:00Z` names.
func instant(_ text: String) throws -> Date {
    try XCTUnwrap(ISO8601DateFormatter().date(from: text), "bad timestamp \(text)")
}

/// A test that cannot go on, with why.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
}
