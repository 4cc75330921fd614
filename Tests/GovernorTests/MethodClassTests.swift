import XCTest
@testable import Governor

final class MethodClassTests: XCTestCase {
    func testHistoryReadsAreHistory() {
        for name in ["messages.getHistory", "channels.getMessages", "updates.getChannelDifference"] {
            XCTAssertEqual(MethodClass.classify(methodName: name), .history, name)
        }
    }

    func testResolvingUsernamesIsResolve() {
        XCTAssertEqual(MethodClass.classify(methodName: "contacts.resolveUsername"), .resolve)
    }

    func testFullPeerInformationIsFullInfo() {
        XCTAssertEqual(MethodClass.classify(methodName: "channels.getFullChannel"), .fullInfo)
        XCTAssertEqual(MethodClass.classify(methodName: "users.getFullUser"), .fullInfo)
    }

    func testFilePartsAreFiles() {
        XCTAssertEqual(MethodClass.classify(methodName: "upload.getFile"), .files)
    }

    func testJoiningIsItsOwnClassPacedInHours() {
        XCTAssertEqual(MethodClass.classify(methodName: "messages.importChatInvite"), .join)
        XCTAssertEqual(MethodClass.classify(methodName: "messages.checkChatInvite"), .resolve)
        let join = GovernorConfiguration().classes[.join]
        XCTAssertLessThanOrEqual(join.burst, 2)
        XCTAssertLessThanOrEqual(join.perSecond * 86_400, 3.0 + 1e-9, "at most three joins a day after the burst")
    }

    func testAThirdJoinInADayWaitsHoursAndIsDeclinedUnderAnyShortMaximumWait() throws {
        var configuration = GovernorConfiguration.unlimited
        configuration.classes.join = GovernorConfiguration.defaultJoin
        let governor = try RateGovernor.make(configuration)
        let joins = try governor.greedyCallTimes(.join, count: 2, from: simulationStart)
        XCTAssertEqual(joins, [simulationStart, simulationStart], "the burst lets two joins through at once")

        let third = try governor.admit(AdmissionRequest(methodClass: .join, job: nil, maxWait: 3_600), at: simulationStart)

        guard case .defer = third else { return XCTFail("a third join within the hour must defer, got \(third)") }
        let later = try governor.callTime(.join, at: simulationStart, maxWait: 86_400)
        XCTAssertGreaterThanOrEqual(later.timeIntervalSince(simulationStart), 8 * 3_600 - 1)
    }

    func testUnknownAndMisspelledNamesAreOther() {
        for name in ["help.getConfig", "upload.saveFilePart", "messages.gethistory", ""] {
            XCTAssertEqual(MethodClass.classify(methodName: name), .other, name)
        }
    }

    func testRequestsNamedByMethodAreClassified() {
        let request = AdmissionRequest(method: "contacts.resolveUsername", job: "news", maxWait: 5)
        XCTAssertEqual(request, AdmissionRequest(methodClass: .resolve, job: "news", maxWait: 5))
    }
}
