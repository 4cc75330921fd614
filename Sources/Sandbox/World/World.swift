import Foundation
import TL

/// The synthetic world a sandbox serves: channels and accounts built lazily from a `WorldSpec`.
///
/// Nothing is stored per message; every answer is computed from (seed, channel, id, now).
public struct World: Sendable {
    /// The description the world was built from.
    public let spec: WorldSpec
    /// The channels in spec order.
    public let channels: [SyntheticChannel]
    private let byUsername: [String: Int]
    private let byID: [Int64: Int]

    /// Builds the world for `spec` (cheap: no message is generated here).
    public init(spec: WorldSpec) {
        self.spec = spec
        let genesis = Int64(spec.genesis.timeIntervalSince1970)
        // Channels that forward form a ring, each forwarding from the next; the others forward from themselves.
        let ring = spec.channels.filter { $0.mix.forwards > 0 }
            .map { (SyntheticChannel.channelID(seed: spec.seed, username: $0.username), $0.username) }
        channels = spec.channels.enumerated().map { index, channel in
            let position = ring.firstIndex { $0.1 == channel.username }
            let source = position.flatMap { ring.count > 1 ? ring[($0 + 1) % ring.count] : nil }
            return SyntheticChannel(spec: channel, index: index, seed: spec.seed, genesis: genesis, forwardSource: source)
        }
        var byUsername: [String: Int] = [:]
        var byID: [Int64: Int] = [:]
        for (index, channel) in channels.enumerated() {
            byUsername[channel.spec.username.lowercased()] = index
            byID[channel.id] = index
        }
        self.byUsername = byUsername
        self.byID = byID
    }

    /// Unix seconds of genesis.
    public var genesis: Int64 { Int64(spec.genesis.timeIntervalSince1970) }

    /// The channel with `username` (case-insensitive, with or without `@`).
    public func channel(username: String) -> SyntheticChannel? {
        let name = username.hasPrefix("@") ? String(username.dropFirst()) : username
        return byUsername[name.lowercased()].map { channels[$0] }
    }

    /// The channel with `id`.
    public func channel(id: Int64) -> SyntheticChannel? {
        byID[id].map { channels[$0] }
    }

    /// The photo or document with `id` and the message carrying it, if a channel of this world made that id.
    func media(fileID: Int64) -> (channel: SyntheticChannel, messageID: Int, plan: MediaPlan)? {
        guard let (index, messageID) = FileID.decode(seed: spec.seed, id: fileID), channels.indices.contains(index) else {
            return nil
        }
        let channel = channels[index]
        guard let plan = channel.mediaPlan(messageID), plan.id == fileID else { return nil }
        return (channel, messageID, plan)
    }

    /// The channel whose invite link has `hash` (case-sensitive, as Telegram's hashes are).
    public func channel(inviteHash hash: String) -> SyntheticChannel? {
        channels.first { $0.spec.invite?.hash == hash }
    }

    /// The chats a message list of `channel` refers to at `now` (the channel, its forward source, and the
    /// channels a forum's members post as).
    func chats(for channel: SyntheticChannel, at now: Double) -> [Api.Chat] {
        var chats = [chat(channel, at: now)] + channel.senderChannels
        if channel.forwardSource.id != channel.id, let source = self.channel(id: channel.forwardSource.id) {
            chats.append(chat(source, at: now))
        }
        return chats
    }

    /// Exactly what the server holds for `channel` at `date`: existing messages in ascending id order,
    /// generated lazily while iterating.
    public func truth(channel: SyntheticChannel, at date: Date) -> TruthSequence {
        TruthSequence(channel: channel, now: Int64(date.timeIntervalSince1970))
    }
}

/// The messages of one channel at one moment, ascending by id, generated on demand.
public struct TruthSequence: Sequence, Sendable {
    let channel: SyntheticChannel
    let now: Int64

    /// Iterates over existing messages from id 1 up to the channel's top id at `now`.
    public func makeIterator() -> Iterator {
        Iterator(channel: channel, now: now, cursor: 1, top: channel.topID(at: now))
    }

    /// The iterator of a `TruthSequence`.
    public struct Iterator: IteratorProtocol {
        let channel: SyntheticChannel
        let now: Int64
        var cursor: Int
        let top: Int

        /// The next existing message, skipping gaps.
        public mutating func next() -> Api.Message? {
            while cursor <= top {
                defer { cursor += 1 }
                if let message = channel.message(cursor, at: now) { return message }
            }
            return nil
        }
    }
}
