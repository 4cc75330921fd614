import Foundation
import XCTest
@testable import Governor

/// Persistence: governors over one JSON file share one truth, across instances, threads and restarts.
final class StateStoreTests: XCTestCase {
    private var directory: URL!
    private var file: URL { directory.appendingPathComponent("governor.json") }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("GovernorTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    /// History at 0.5/s with a burst of 2, no human delay, no budget, days in UTC.
    private var configuration: GovernorConfiguration {
        var configuration = GovernorConfiguration.unlimited
        configuration.classes.history = RateLimit(perSecond: 0.5, burst: 2)
        return configuration
    }

    private func governorOverFile(_ configuration: GovernorConfiguration? = nil) throws -> RateGovernor {
        try RateGovernor.make(configuration ?? self.configuration, store: JSONFileGovernorStateStore(fileURL: file))
    }

    func testTwoGovernorsOverOneFileSeeEachOthersTokens() throws {
        let first = try governorOverFile()
        let second = try governorOverFile()

        let a = try first.callTime(.history, at: simulationStart)
        let b = try second.callTime(.history, at: simulationStart)
        let c = try first.callTime(.history, at: simulationStart)

        XCTAssertEqual(a, simulationStart)
        XCTAssertEqual(b, simulationStart, "the burst of 2")
        XCTAssertEqual(c.timeIntervalSince(simulationStart), 2, accuracy: 1e-6, "queued behind the other governor's call")
    }

    func testTwoGovernorsOverOneFileShareTheBudget() throws {
        let first = try governorOverFile(.unlimitedWithBudget)
        let second = try governorOverFile(.unlimitedWithBudget)
        for _ in 0..<3 {
            _ = try first.callTime(.other, at: simulationStart)
        }
        _ = try second.callTime(.other, at: simulationStart)
        _ = try second.callTime(.other, at: simulationStart)

        let admission = try first.admit(AdmissionRequest(methodClass: .other, job: nil, maxWait: 0), at: simulationStart)

        guard case .defer(reason: .budget(.account, _)) = admission else { return XCTFail("\(admission)") }
    }

    func testAFloodWaitRecordedByOneGovernorCoolsTheOtherDown() throws {
        let first = try governorOverFile()
        let second = try governorOverFile()
        try first.recordFloodWait(.history, seconds: 120, at: simulationStart)

        let admission = try second.admit(AdmissionRequest(methodClass: .history, job: nil, maxWait: 60), at: simulationStart)

        XCTAssertEqual(admission, .defer(reason: .coolDown(until: simulationStart.addingTimeInterval(120))))
    }

    func testRestartResumesTheBudgetAndTheWarmUpDay() throws {
        for _ in 0..<3 {
            _ = try governorOverFile(.unlimitedWithBudget).callTime(.other, at: simulationStart)
        }

        let restarted = try governorOverFile(.unlimitedWithBudget)
        var sameDay = 0
        while case .proceed = try restarted.admit(AdmissionRequest(methodClass: .other, job: nil, maxWait: 0), at: simulationStart) {
            sameDay += 1
        }
        var nextDay = 0
        let tomorrow = simulationStart.addingTimeInterval(86_400)
        while case .proceed = try governorOverFile(.unlimitedWithBudget).admit(
            AdmissionRequest(methodClass: .other, job: nil, maxWait: 0), at: tomorrow)
        {
            nextDay += 1
        }

        XCTAssertEqual(sameDay, 2, "5 a day, 3 spent before the restart")
        XCTAssertEqual(nextDay, 10, "day 2 of the warm-up")
    }

    func testConcurrentGovernorsOnThreadsLoseNoUpdate() throws {
        let governors = try (0..<4).map { _ in try governorOverFile(.unlimited) }

        DispatchQueue.concurrentPerform(iterations: governors.count) { index in
            for _ in 0..<50 {
                _ = try? governors[index].admit(
                    AdmissionRequest(methodClass: .other, job: "job\(index)", maxWait: 0), at: simulationStart)
            }
        }

        let day = LocalDay(year: 2025, month: 6, day: 15)
        let stored = try JSONFileGovernorStateStore(fileURL: file).update { $0 }
        XCTAssertEqual(stored.usage(of: .account)?.spent(on: day), 200)
        for index in 0..<4 {
            XCTAssertEqual(stored.usage(of: .job("job\(index)"))?.spent(on: day), 50)
        }
    }

    func testStateRoundTripsThroughTheFile() throws {
        let governor = try governorOverFile()
        _ = try governor.greedyCallTimes(.history, count: 7, from: simulationStart)
        try governor.recordFloodWait(.history, seconds: 30, at: simulationStart.addingTimeInterval(20))
        _ = try governor.callTime(.resolve, job: "news", at: simulationStart.addingTimeInterval(21))
        let inFile = try JSONFileGovernorStateStore(fileURL: file).update { $0 }

        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        let decoded = try decoder.decode(GovernorState.self, from: Data(contentsOf: file))

        XCTAssertEqual(decoded, inFile)
        XCTAssertEqual(decoded.classes[.history]?.rateFactor, 0.5)
        XCTAssertNotNil(decoded.usage(of: .job("news")))
    }

    func testUnchangedStateIsNotWritten() throws {
        let governor = try governorOverFile()

        try governor.recordSuccess(.history, at: simulationStart)

        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path))
    }

    func testACorruptFileIsReportedAndLeftAsItWas() throws {
        try Data("not json".utf8).write(to: file)
        let governor = try governorOverFile()

        XCTAssertThrowsError(try governor.admit(AdmissionRequest(methodClass: .history, job: nil, maxWait: 0), at: simulationStart)) { error in
            guard case .corruptState(let location, _) = error as? GovernorStoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(location, file.path)
            XCTAssert("\(error)".contains("move it aside"))
        }
        XCTAssertEqual(try Data(contentsOf: file), Data("not json".utf8))
    }

    func testAMissingDirectoryIsReportedWithThePath() throws {
        let path = directory.appendingPathComponent("absent/governor.json").path
        let governor = try RateGovernor.make(.unlimited, store: JSONFileGovernorStateStore(fileURL: URL(fileURLWithPath: path)))

        XCTAssertThrowsError(try governor.admit(AdmissionRequest(methodClass: .other, job: nil, maxWait: 0), at: simulationStart)) { error in
            guard case .lockFailed(let location, _) = error as? GovernorStoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(location, path + ".lock")
        }
    }
}

extension GovernorConfiguration {
    /// Unlimited buckets with an account budget of 5 requests on day 1, doubling daily.
    fileprivate static var unlimitedWithBudget: GovernorConfiguration {
        var configuration = GovernorConfiguration.unlimited
        configuration.accountWarmUp = WarmUpBudget(day1: 5, growth: 2, cap: 100)
        return configuration
    }
}
