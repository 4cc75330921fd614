import Foundation
import TL
import XCTest
@testable import Sandbox

/// The interop channel keeps to constructors that layers 228 and 229 encode identically.
final class InteropChannelTests: XCTestCase {
    func testInteropChannelHasNoServiceMessagesNorReplyMarkup() throws {
        let world = World(spec: .builtIn)
        let channel = try XCTUnwrap(world.channel(username: "sandbox_interop"))
        var replies = 0, forwards = 0, media = 0, reactions = 0
        for message in world.truth(channel: channel, at: WorldSpec.builtIn.genesis) {
            guard case .message(let value) = message else { return XCTFail("\(message.sandboxID) is not a plain message") }
            XCTAssertNil(value.replyMarkup)
            if value.replyTo != nil { replies += 1 }
            if value.fwdFrom != nil { forwards += 1 }
            if value.media != nil { media += 1 }
            if let results = value.reactions?.results {
                reactions += 1
                for result in results {
                    guard case .reactionEmoji = result.reaction else { return XCTFail("non-emoji reaction") }
                }
            }
        }
        XCTAssertGreaterThan(replies, 0)
        XCTAssertGreaterThan(forwards, 0)
        XCTAssertGreaterThan(media, 0)
        XCTAssertGreaterThan(reactions, 0)
    }

    func testEntityOffsetsCountUTF16Units() throws {
        let world = World(spec: .builtIn)
        let channel = try XCTUnwrap(world.channel(username: "sandbox_news"))
        for message in world.truth(channel: channel, at: WorldSpec.builtIn.genesis) {
            guard case .message(let value) = message else { continue }
            let units = value.message.utf16.count
            for entity in value.entities ?? [] {
                let (offset, length) = entity.sandboxRange
                XCTAssertLessThanOrEqual(Int(offset + length), units, "message \(value.id)")
            }
        }
    }

    func testSimulatedClockRunsFasterThanTheWall() {
        let wall = Date(timeIntervalSince1970: 1_000)
        let clock = SimulatedClock(origin: WorldSpec.builtIn.genesis, started: wall, speed: 60)
        XCTAssertEqual(clock.now(atWallTime: wall.addingTimeInterval(10)), WorldSpec.builtIn.genesis.addingTimeInterval(600))
    }
}

extension Api.MessageEntity {
    /// Offset and length of the entities the sandbox emits.
    var sandboxRange: (Int32, Int32) {
        switch self {
        case .messageEntityBold(let e): (e.offset, e.length)
        case .messageEntityItalic(let e): (e.offset, e.length)
        case .messageEntityUrl(let e): (e.offset, e.length)
        case .messageEntityTextUrl(let e): (e.offset, e.length)
        case .messageEntityMention(let e): (e.offset, e.length)
        case .messageEntityHashtag(let e): (e.offset, e.length)
        case .messageEntityCode(let e): (e.offset, e.length)
        case .messageEntityPre(let e): (e.offset, e.length)
        default: (0, 0)
        }
    }
}
