import SandboxTestSupport
import Client
import MTProto
import MTProtoNIO
import Timekeeping
import XCTest

final class AuditMiddlewareTests: XCTestCase {
    func testEachCallIsRecordedWithMethodOutcomeAndDuration() async {
        let clock = SimulatedProgramClock(now: 100)
        let sink = RecordingAuditSink()
        let inner = ScriptedInvoker([.answer(nearestDc), .failure(ClientError.timeout)])
        let invoker = AuditMiddleware(next: inner, sink: sink, clock: clock)

        _ = try? await invoker.invoke(anyCall)
        _ = try? await invoker.invoke(anyCall)

        let records = await sink.records
        XCTAssertEqual(records.map(\.method), ["help.getNearestDc", "help.getNearestDc"])
        XCTAssertEqual(records.map(\.error), [nil, .timeout])
        XCTAssertEqual(records.first?.started, 100)
        XCTAssertEqual(records.first?.duration, 0)
    }
}

final class ClientErrorTests: XCTestCase {
    func testUnregisteredAuthKeyMeansLoginRequired() {
        XCTAssertEqual(ClientError(ConnectionError.rpc(RPCError(code: 401, message: "AUTH_KEY_UNREGISTERED"))), .loginRequired)
        XCTAssertEqual(ClientError(ConnectionError.rpc(RPCError(code: 401, message: "SESSION_REVOKED"))), .loginRequired)
    }

    func testTimeoutsAndOtherRPCErrorsKeepTheirKind() {
        XCTAssertEqual(ClientError(ConnectionError.timeout), .timeout)
        XCTAssertEqual(ClientError(ConnectionError.rpc(RPCError(code: 400, message: "CHANNEL_INVALID"))),
                       .rpc(RPCError(code: 400, message: "CHANNEL_INVALID")))
        XCTAssertEqual(ClientError(ConnectionError.closed), .connection(.closed))
    }
}
