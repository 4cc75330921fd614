import Archive
import Client
import Foundation
import Harvester
import Sandbox
import SandboxTestSupport
import TL
import TestSupport
import XCTest

/// A small world served in process, an archive in a temporary file and Alice logged in: everything a
/// harvester test needs, on the sandbox's simulated clock.
final class HarvestHarness {
    /// Three channels: `tiny` (60 ids), `mid` (2,500 ids, 20 posts an hour, with edits and deletions) and
    /// `long` (4,500 ids: more pages than the flood policy's 30 requests per 30 s).
    static let spec = WorldSpec(
        seed: 77, genesis: Date(timeIntervalSince1970: 1_767_225_600),
        channels: [
            ChannelSpec(username: "tiny", title: "Tiny", size: 60, postsPerHour: 1),
            ChannelSpec(username: "mid", title: "Mid", size: 2_500, postsPerHour: 20,
                        mix: MessageMix(deleted: 0.1, edited: 0.3)),
            ChannelSpec(username: "long", title: "Long", size: 4_500, postsPerHour: 1),
        ],
        accounts: [AccountSpec(phone: "9996621234", firstName: "Alice")])

    let sandbox: InProcessSandbox
    let directory: TemporaryDirectory
    let store: ArchiveStore
    let peers = InMemoryPeerCache()
    let floodWaitMax: Duration

    init(spec: WorldSpec = HarvestHarness.spec, flood: FloodPolicy = .off, floodWaitMax: Duration = .seconds(300),
         invalidUTF8Every: Int? = nil) async throws {
        sandbox = InProcessSandbox(spec: spec, flood: flood, invalidUTF8Every: invalidUTF8Every)
        directory = try TemporaryDirectory(prefix: "harvest")
        store = try ArchiveStore(path: directory.archivePath)
        self.floodWaitMax = floodWaitMax
        try await sandbox.logInAlice()
    }

    deinit {
        directory.remove()
    }

    var now: Date { Date(timeIntervalSince1970: sandbox.clock.now()) }

    /// A run of `plan` through the full pipeline (flood waits slept on the simulated clock).
    func harvest(_ plan: HarvestPlan) -> ChannelHarvest {
        let meter = RunMeter()
        let invoker = InvocationPipeline(floodObserver: meter, clock: sandbox.clock, floodWaitMax: floodWaitMax)
            .wrap(sandbox.terminal())
        return ChannelHarvest(plan: plan, invoker: invoker, peerCache: peers, store: store, clock: sandbox.clock, meter: meter)
    }

    /// Runs `plan` to its end.
    func run(_ plan: HarvestPlan) async -> (HarvestStop, HarvestTally) {
        var harvest = harvest(plan)
        let stop = await harvest.run()
        return (stop, harvest.tally)
    }

    /// The channel's id in the world.
    func channelID(_ username: String) throws -> Int64 {
        try XCTUnwrap(sandbox.world.channel(username: username)).id
    }

    /// The ids the server holds now, ascending.
    func truthIDs(_ username: String) -> [Int32] {
        sandbox.truth(username).map { Int32($0.messageID) }
    }

    /// The archived ids not marked deleted, ascending.
    func liveArchivedIDs(_ username: String) throws -> [Int32] {
        let id = try channelID(username)
        return try store.archivedIDs(channel: id, in: 0...Int32.max).filter { messageID in
            guard let row = try store.message(channel: id, id: messageID) else { return false }
            return row.deletedAt == nil
        }
    }

    /// Every archived id, deleted ones included.
    func allArchivedIDs(_ username: String) throws -> [Int32] {
        try store.archivedIDs(channel: try channelID(username), in: 0...Int32.max)
    }
}
