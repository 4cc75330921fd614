import Foundation
import TL
import XCTest
@testable import Sandbox

final class WorldDeterminismTests: XCTestCase {
    private func truthBytes(seed: UInt64) throws -> Data {
        var spec = WorldSpec.builtIn
        spec.seed = seed
        let world = World(spec: spec)
        let channel = try XCTUnwrap(world.channel(username: "sandbox_news"))
        var data = Data()
        for message in world.truth(channel: channel, at: spec.genesis) { data.append(contentsOf: message.serialized()) }
        return data
    }

    func testSameSeedGivesIdenticalBytes() throws {
        XCTAssertEqual(try truthBytes(seed: 7), try truthBytes(seed: 7))
    }

    func testDifferentSeedGivesDifferentBytes() throws {
        XCTAssertNotEqual(try truthBytes(seed: 7), try truthBytes(seed: 8))
    }
}
