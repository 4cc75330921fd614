import NIOCore
import NIOPosix
import XCTest
@testable import RedisSink

final class RedisConnectionTests: XCTestCase {
    func testPipelinedCommandsGetTheirRepliesInOrder() async throws {
        let redis = try await RedisServerProcess.start(for: self)
        let connection = try await RedisConnection.connect(to: redis.endpoint)
        let replies = try await connection.pipeline([
            RedisCommand("SET", ["k", "v"]), RedisCommand("INCR", ["n"]), RedisCommand("GET", ["k"]),
            RedisCommand("GET", ["missing"]), RedisCommand("INCR", ["k"]), RedisCommand("MGET", ["k", "n"]),
        ])
        XCTAssertEqual(replies[0], .simpleString("OK"))
        XCTAssertEqual(replies[1], .integer(1))
        XCTAssertEqual(replies[2].string, "v")
        XCTAssertEqual(replies[3], .bulkString(nil))
        guard case .error(let message) = replies[4] else { return XCTFail("\(replies[4])") }
        XCTAssertTrue(message.hasPrefix("ERR"))
        XCTAssertEqual(replies[5], .array([.bulkString(Array("v".utf8)), .bulkString(Array("1".utf8))]))
        await connection.close()
    }

    func testSelectUsesTheEndpointsDatabase() async throws {
        let redis = try await RedisServerProcess.start(for: self)
        var endpoint = redis.endpoint
        endpoint.database = 2
        let two = try await RedisConnection.connect(to: endpoint)
        _ = try await two.send(RedisCommand("SET", ["where", "two"]))
        let zero = try await RedisConnection.connect(to: redis.endpoint)
        let inZero = try await zero.send(RedisCommand("EXISTS", ["where"]))
        XCTAssertEqual(inZero, .integer(0))
        await two.close()
        await zero.close()
    }

    func testARefusedAuthIsAServerErrorThatNeverShowsThePassword() async throws {
        let redis = try await RedisServerProcess.start(for: self)
        var endpoint = redis.endpoint
        endpoint.password = "s3cret-password"
        do {
            _ = try await RedisConnection.connect(to: endpoint)
            XCTFail("AUTH without a configured password must fail")
        } catch {
            guard case .server(command: "AUTH", _) = error else { return XCTFail("\(error)") }
            XCTAssertFalse(error.description.contains("s3cret-password"))
            XCTAssertFalse(endpoint.description.contains("s3cret-password"))
        }
    }

    func testNothingListeningIsAConnectionFailure() async throws {
        let port = try await LoopbackPort.free()
        do {
            _ = try await RedisConnection.connect(to: RedisEndpoint(host: "127.0.0.1", port: port))
            XCTFail("connected to nothing")
        } catch {
            guard case .connectionFailed = error else { return XCTFail("\(error)") }
        }
    }

    func testAServerThatNeverAnswersTimesOut() async throws {
        let silent = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try XCTUnwrap(silent.localAddress?.port)
        let connection = try await RedisConnection.connect(to: RedisEndpoint(host: "127.0.0.1", port: port),
                                                           replyTimeout: .milliseconds(200))
        do {
            _ = try await connection.send(RedisCommand("PING"))
            XCTFail("a reply from a silent server")
        } catch {
            XCTAssertEqual(error, .timeout(command: "PING", seconds: 0.2))
        }
        try await silent.close()
    }
}
