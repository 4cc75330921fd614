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
