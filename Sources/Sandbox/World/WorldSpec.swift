import Foundation
import Yams

/// The description of a synthetic world, read from a small YAML or JSON file (JSON is valid YAML).
///
///     seed: 42
///     genesis: 2026-01-01T00:00:00Z
///     channels:
///       - username: sandbox_news
///         title: Sandbox News
///         size: 300
///         postsPerHour: 6
///         deletedFraction: 0.05
///         discussion:                  # optional: a linked discussion group
///           username: sandbox_news_chat
///           commentsPerPost: 3
///           deleted: 0.05
///           edited: 0.05
///           repliesToReplies: 0.3
///     accounts:
///       - phone: "9996612345"
///         password: hunter2
public struct WorldSpec: Codable, Sendable, Equatable {
    /// The seed every synthetic fact derives from.
    public var seed: UInt64
    /// The moment the world opens: every channel holds exactly `size` message ids then; later posts,
    /// edits and deletions follow from the simulated `now`.
    public var genesis: Date
    /// The channels, each resolvable by username.
    public var channels: [ChannelSpec]
    /// The accounts that can log in (test phones not listed here may sign up).
    public var accounts: [AccountSpec]
    /// What Telegram decides at chosen moments (bans, private or renamed channels).
    public var events: [WorldEvent]

    /// Creates a spec from its parts.
    public init(seed: UInt64, genesis: Date, channels: [ChannelSpec], accounts: [AccountSpec], events: [WorldEvent] = []) {
        self.seed = seed
        self.genesis = genesis
        self.channels = channels
        self.accounts = accounts
        self.events = events
    }

    private enum CodingKeys: String, CodingKey {
        case seed, genesis, channels, accounts, events
    }

    /// Reads a spec; `events` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seed = try container.decode(UInt64.self, forKey: .seed)
        genesis = try container.decode(Date.self, forKey: .genesis)
        channels = try container.decode([ChannelSpec].self, forKey: .channels)
        accounts = try container.decode([AccountSpec].self, forKey: .accounts)
        events = try container.decodeIfPresent([WorldEvent].self, forKey: .events) ?? []
    }

    /// Reads a spec from YAML or JSON text, then validates it.
    public static func load(_ text: String) throws(WorldSpecError) -> WorldSpec {
        let spec: WorldSpec
        do {
            spec = try YAMLDecoder().decode(WorldSpec.self, from: text)
        } catch {
            throw .unreadable(String(describing: error))
        }
        try spec.validate()
        return spec
    }

    /// Reads a spec from a YAML or JSON file.
    public static func load(contentsOf url: URL) throws(WorldSpecError) -> WorldSpec {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable("\(url.path): \(error.localizedDescription)")
        }
        return try load(text)
    }

    /// Checks the constraints the generator relies on (unique usernames and phones, fractions in 0...1).
    public func validate() throws(WorldSpecError) {
        var usernames = Set<String>()
        var inviteHashes = Set<String>()
        for channel in channels {
            guard usernames.insert(channel.username.lowercased()).inserted else {
                throw .duplicateUsername(channel.username)
            }
            guard channel.size >= 1 else { throw .invalidChannel(channel.username, "size must be at least 1") }
            guard channel.postsPerHour > 0 else { throw .invalidChannel(channel.username, "postsPerHour must be positive") }
            for (name, value) in channel.mix.fractions where !(0...1).contains(value) {
                throw .invalidChannel(channel.username, "\(name) must be between 0 and 1")
            }
            if let start = channel.start, start >= genesis {
                throw .invalidChannel(channel.username, "start must precede genesis")
            }
            if let invite = channel.invite {
                guard !invite.hash.isEmpty, inviteHashes.insert(invite.hash).inserted else {
                    throw .invalidChannel(channel.username, "invite.hash must be non-empty and unique")
                }
            }
            if let forum = channel.forum {
                guard channel.discussion == nil else { throw .invalidChannel(channel.username, "a forum has no discussion group") }
                guard !forum.topics.isEmpty, forum.topics.count <= channel.size / 2 else {
                    throw .invalidChannel(channel.username, "forum.topics must hold 1 to size/2 titles")
                }
                for (name, value) in [("channelSenders", forum.channelSenders), ("replies", forum.replies)] where !(0...1).contains(value) {
                    throw .invalidChannel(channel.username, "forum.\(name) must be between 0 and 1")
                }
            }
            if let discussion = channel.discussion {
                guard usernames.insert(discussion.username.lowercased()).inserted else {
                    throw .duplicateUsername(discussion.username)
                }
                guard (0...1000).contains(discussion.commentsPerPost) else {
                    throw .invalidChannel(channel.username, "discussion.commentsPerPost must be between 0 and 1000")
                }
                for (name, value) in discussion.fractions where !(0...1).contains(value) {
                    throw .invalidChannel(channel.username, "discussion.\(name) must be between 0 and 1")
                }
            }
        }
        var phones = Set<String>()
        for account in accounts {
            guard account.phone.allSatisfy(\.isNumber), !account.phone.isEmpty else { throw .invalidPhone(account.phone) }
            guard phones.insert(account.phone).inserted else { throw .duplicatePhone(account.phone) }
            guard (1...2).contains(account.homeDC) else { throw .invalidPhone(account.phone) }
        }
    }
}

/// Why a world file was refused.
public enum WorldSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not a world description (YAML/JSON syntax or a missing field).
    case unreadable(String)
    /// Two channels share a username.
    case duplicateUsername(String)
    /// Two accounts share a phone number.
    case duplicatePhone(String)
    /// A phone is not all digits, or its home DC is not 1 or 2.
    case invalidPhone(String)
    /// A channel's numbers are out of range.
    case invalidChannel(String, String)

    /// A sentence for the log.
    public var description: String {
        switch self {
        case .unreadable(let reason): "world file unreadable: \(reason)"
        case .duplicateUsername(let name): "two channels are named @\(name)"
        case .duplicatePhone(let phone): "two accounts use phone \(phone)"
        case .invalidPhone(let phone): "phone \(phone) must be digits with home DC 1 or 2"
        case .invalidChannel(let name, let reason): "channel @\(name): \(reason)"
        }
    }
}
