import Archive
import XCTest
@testable import RedisSink

final class RedisStreamPublisherTests: XCTestCase {
    private func publisher(_ archive: ArchiveScenario, _ redis: RedisServerProcess,
                           layout: RedisStreamLayout = .perChannel(prefix: "tg"), maxLength: Int? = 1000,
                           batchSize: Int = 500) -> RedisStreamPublisher {
        RedisStreamPublisher(archive: archive.store, configuration: .init(
            endpoint: redis.endpoint, layout: layout, maxLength: maxLength, batchSize: batchSize,
            timeout: .seconds(2)))
    }

    private func client(_ redis: RedisServerProcess) async throws -> RedisConnection {
        let connection = try await RedisConnection.connect(to: redis.endpoint)
        addTeardownBlock { await connection.close() }
        return connection
    }

    private func length(_ stream: String, _ connection: RedisConnection) async throws -> Int64 {
        guard case .integer(let count) = try await connection.send(RedisCommand("XLEN", [stream])) else { return -1 }
        return count
    }

    /// Every entry of `stream` as a field → value dictionary, oldest first.
    private func entries(_ stream: String, _ connection: RedisConnection) async throws -> [[String: String]] {
        guard case .array(let items?) = try await connection.send(RedisCommand("XRANGE", [stream, "-", "+"])) else {
            return []
        }
        return items.map { item in
            guard case .array(let parts?) = item, parts.count == 2, case .array(let flat?) = parts[1] else { return [:] }
            var fields: [String: String] = [:]
            for index in stride(from: 0, to: flat.count - 1, by: 2) {
                fields[flat[index].string ?? ""] = flat[index + 1].string
            }
            return fields
        }
    }

    func testChangesArePublishedToOneStreamPerChannel() async throws {
        let archive = try ArchiveScenario(self)
        let redis = try await RedisServerProcess.start(for: self)
        try archive.commitPosts(1...3)
        try archive.commitPosts(1...2, channel: ArchiveScenario.otherChannel)
        try archive.commit([ArchiveScenario.post(2, text: "edited text", editDate: 1_714_570_000)])
        try archive.store.markDeleted(channel: ArchiveScenario.channel.id, ids: [3], noticedAt: ArchiveScenario.now)

        let published = try await publisher(archive, redis).publishPending()

        XCTAssertEqual(published, 7)
        let connection = try await client(redis)
        let main = try await entries("tg:2002", connection)
        XCTAssertEqual(main.map { "\($0["message_id"] ?? "?"):\($0["kind"] ?? "?")" },
                       ["1:new", "2:new", "3:new", "2:edited", "3:deleted"])
        let other = try await length("tg:3003", connection)
        XCTAssertEqual(other, 2)
        let edit = main[3]
        XCTAssertEqual(edit["channel_id"], "2002")
        XCTAssertEqual(edit["text"], "edited text")
        XCTAssertEqual(edit["edit_date"], "1714570000")
        XCTAssertEqual(edit["date"], String(ArchiveScenario.baseDate + 120))
        XCTAssertEqual(edit["seq"], "6")
        let json = try XCTUnwrap(edit["message"])
        XCTAssertTrue(json.hasPrefix(#"{"_":"message""#), json)
        XCTAssertTrue(json.contains("edited text"))
        XCTAssertNil(main[4]["message"], "a deletion carries no message")
        XCTAssertEqual(try archive.store.sinkCursor("redis"), 7)
    }

    func testNothingPendingPublishesNothing() async throws {
        let archive = try ArchiveScenario(self)
        let redis = try await RedisServerProcess.start(for: self)
        try archive.commitPosts(1...2)
        let sink = publisher(archive, redis)
        let first = try await sink.publishPending()
        let second = try await sink.publishPending()
        XCTAssertEqual([first, second], [2, 0])
        await sink.close()
    }

    func testOneStreamCarriesEveryChannel() async throws {
        let archive = try ArchiveScenario(self)
        let redis = try await RedisServerProcess.start(for: self)
        try archive.commitPosts(1...2)
        try archive.commitPosts(5...5, channel: ArchiveScenario.otherChannel)
        _ = try await publisher(archive, redis, layout: .single(name: "tg")).publishPending()
        let all = try await entries("tg", try await client(redis))
        XCTAssertEqual(all.map { $0["channel_id"] ?? "?" }, ["2002", "2002", "3003"])
    }

    func testStreamsAreTrimmedToAboutMaxLength() async throws {
        let archive = try ArchiveScenario(self)
        let redis = try await RedisServerProcess.start(for: self)
        try archive.commitPosts(1...400)
        let published = try await publisher(archive, redis, maxLength: 10, batchSize: 100).publishPending()
        XCTAssertEqual(published, 400)
        let count = try await length("tg:2002", try await client(redis))
        XCTAssertLessThan(count, 400, "MAXLEN ~ trims whole nodes")
        XCTAssertGreaterThanOrEqual(count, 10, "approximate trimming keeps at least MAXLEN")
    }

    func testARefusedEntryKeepsTheWholeBatchPendingAndTheRetryDuplicatesRatherThanLoses() async throws {
        let archive = try ArchiveScenario(self)
        let redis = try await RedisServerProcess.start(for: self)
        let connection = try await client(redis)
        _ = try await connection.send(RedisCommand("SET", ["tg:3003", "not a stream"]))
        try archive.commitPosts(1...2)
        try archive.commitPosts(1...1, channel: ArchiveScenario.otherChannel)
        let sink = publisher(archive, redis)
        do {
            _ = try await sink.publishPending()
            XCTFail("XADD to a string key must fail")
        } catch {
            guard case .redis(.server(command: "XADD", let message)) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.hasPrefix("WRONGTYPE"), message)
        }
        XCTAssertEqual(try archive.store.sinkCursor("redis"), 0)

        _ = try await connection.send(RedisCommand("DEL", ["tg:3003"]))
        let retried = try await sink.publishPending()
        XCTAssertEqual(retried, 3)
        let main = try await entries("tg:2002", connection).compactMap { $0["seq"] }
        XCTAssertEqual(main, ["1", "2", "1", "2"], "acknowledged entries of the failed batch come again")
        let other = try await entries("tg:3003", connection).compactMap { $0["seq"] }
        XCTAssertEqual(other, ["3"])
        await sink.close()
    }

    func testAKilledRedisFailsThePublishAndARestartResumesWithoutLoss() async throws {
        let archive = try ArchiveScenario(self)
        let redis = try await RedisServerProcess.start(for: self)
        let sink = publisher(archive, redis, batchSize: 2)
        try archive.commitPosts(1...5)
        let before = try await sink.publishPending()
        XCTAssertEqual(before, 5)

        redis.sigkill()
        try archive.commitPosts(6...10)
        do {
            _ = try await sink.publishPending()
            XCTFail("published to a dead Redis")
        } catch {
            guard case .redis = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try archive.store.sinkCursor("redis"), 5, "nothing unacknowledged is marked published")

        try await redis.launch()
        let after = try await sink.publishPending()
        XCTAssertEqual(after, 5)
        let ids = try await entries("tg:2002", try await client(redis)).compactMap { $0["message_id"].flatMap(Int.init) }
        XCTAssertEqual(Set(ids), Set(1...10), "every change reached Redis (duplicates allowed)")
        XCTAssertEqual(try archive.store.sinkCursor("redis"), 10)
        await sink.close()
    }
}
