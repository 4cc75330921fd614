import Client
import MTProto
import XCTest

/// Per-request migration at the routing layer alone, over scripted DC invokers (the sandbox never
/// answers `FILE_MIGRATE_X`).
final class DataCenterRouterTests: XCTestCase {
    private func router(_ dcs: [Int: ScriptedInvoker]) -> DataCenterRouter {
        DataCenterRouter(homeDC: { 2 }, connect: { dc in
            guard let invoker = dcs[dc] else { throw ClientError.unknownDataCenter(dc) }
            return invoker
        })
    }

    func testFileMigrateResendsTheCallToThatDCOnce() async throws {
        let home = ScriptedInvoker([.failure(ClientError.rpc(RPCError(code: 303, message: "FILE_MIGRATE_4")))])
        let other = ScriptedInvoker([.answer(nearestDc)])

        let answer = try await router([2: home, 4: other]).invoke(anyCall)

        XCTAssertEqual(answer, nearestDc)
        let homeCalls = await home.methods, otherCalls = await other.methods
        XCTAssertEqual(homeCalls, ["help.getNearestDc"])
        XCTAssertEqual(otherCalls, ["help.getNearestDc"])
    }

    func testNetworkAndStatsMigrateAreRoutedToo() async throws {
        for message in ["NETWORK_MIGRATE_1", "STATS_MIGRATE_1"] {
            let home = ScriptedInvoker([.failure(ClientError.rpc(RPCError(code: 303, message: message)))])
            let other = ScriptedInvoker([.answer(nearestDc)])
            _ = try await router([2: home, 1: other]).invoke(anyCall)
            let calls = await other.methods.count
            XCTAssertEqual(calls, 1, message)
        }
    }

    func testPhoneAndUserMigrateAreLeftToLogin() async {
        let error = ClientError.rpc(RPCError(code: 303, message: "USER_MIGRATE_1"))
        let home = ScriptedInvoker([.failure(error)])
        let other = ScriptedInvoker([])
        await XCTAssertThrowsClientError(try await router([2: home, 1: other]).invoke(anyCall), error)
        let calls = await other.methods.count
        XCTAssertEqual(calls, 0)
    }
}
