import Foundation
import XCTest
@testable import Sandbox

/// World files in YAML or JSON, their defaults and validation; ground truth as JSONL.
final class WorldSpecTests: XCTestCase {
    func testYAMLWorldFileFillsDefaults() throws {
        let spec = try WorldSpec.load("""
            seed: 42
            genesis: 2026-01-01T00:00:00Z
            channels:
              - username: tiny
                size: 10
                postsPerHour: 2
                mix: { deleted: 0.2 }
            accounts:
              - phone: "9996612345"
                password: secret
            """)
        XCTAssertEqual(spec.channels[0].title, "tiny")
        XCTAssertEqual(spec.channels[0].mix.deleted, 0.2)
        XCTAssertEqual(spec.channels[0].mix.media, MessageMix().media)
        XCTAssertEqual(spec.accounts[0].homeDC, 1)
        XCTAssertEqual(spec.accounts[0].password, "secret")
    }

    func testJSONWorldFileIsAccepted() throws {
        let spec = try WorldSpec.load(#"{"seed": 1, "genesis": "2026-01-01T00:00:00Z", "channels": [{"username": "a", "size": 3}], "accounts": []}"#)
        XCTAssertEqual(spec.channels.map(\.size), [3])
    }

    func testWorldFileIsReadFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("world-\(UUID().uuidString).yaml")
        try "seed: 2\ngenesis: 2026-01-01T00:00:00Z\nchannels: [{username: b, size: 5}]\naccounts: []\n"
            .write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertEqual(try WorldSpec.load(contentsOf: url).channels.map(\.username), ["b"])
        XCTAssertThrowsError(try WorldSpec.load(contentsOf: url.appendingPathExtension("missing")))
    }

    func testDuplicateUsernamesAreRefused() {
        XCTAssertThrowsError(try WorldSpec.load("""
            seed: 1
            genesis: 2026-01-01T00:00:00Z
            channels: [{username: a, size: 1}, {username: A, size: 2}]
            accounts: []
            """)) { XCTAssertEqual($0 as? WorldSpecError, .duplicateUsername("A")) }
    }

    func testTruthWriterEmitsOneJSONLinePerMessage() throws {
        let world = World(spec: .builtIn)
        let channel = try XCTUnwrap(world.channel(username: "@sandbox_news"))
        var output = Data()
        try TruthWriter.write(world.truth(channel: channel, at: WorldSpec.builtIn.genesis)) { output.append($0) }
        let lines = try XCTUnwrap(String(data: output, encoding: .utf8)).split(separator: "\n")
        XCTAssertEqual(lines.count, channel.messageCount(at: world.genesis))
        let first = try JSONDecoder().decode(TruthRecord.self, from: Data(lines[0].utf8))
        XCTAssertEqual(first.id, 1)
        XCTAssertEqual(first.kind, .service)
        XCTAssertTrue(lines.contains { $0.contains("\"edit_date\"") })
    }

    func testBuiltInWorldHasEveryMessageKind() throws {
        let world = World(spec: .builtIn)
        let channel = try XCTUnwrap(world.channel(username: "sandbox_news"))
        let kinds = Set(world.truth(channel: channel, at: WorldSpec.builtIn.genesis).compactMap(TruthRecord.init).map(\.kind))
        XCTAssertEqual(kinds, Set(MessageKind.allCases))
    }
}
