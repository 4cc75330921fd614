import Foundation

/// One synthetic broadcast channel of a `WorldSpec`.
public struct ChannelSpec: Codable, Sendable, Equatable {
    /// The public username, without `@`.
    public var username: String
    /// The channel title.
    public var title: String
    /// The number of message ids (including deleted gaps) the channel holds at genesis.
    public var size: Int
    /// Posts per simulated hour after genesis (and before it, when `start` is not given).
    public var postsPerHour: Double
    /// The date of message 1; by default `size` posts at `postsPerHour` before genesis.
    public var start: Date?
    /// Which kinds of messages the channel carries.
    public var mix: MessageMix
    /// Keeps to constructors that layers 228 and 229 encode identically (no service messages, no
    /// reply markup), for interop tests against independent clients.
    public var interopSafe: Bool
    /// The linked discussion group, if the channel has one.
    public var discussion: DiscussionSpec?
    /// Makes the channel private, reached only through this invite link (`username` then only names it in the
    /// world's files and `sandbox truth`, never to clients).
    public var invite: InviteSpec?
    /// Makes the channel a forum supergroup with topics instead of a broadcast channel.
    public var forum: ForumSpec?

    /// Creates a channel description.
    public init(
        username: String, title: String, size: Int, postsPerHour: Double, start: Date? = nil,
        mix: MessageMix = MessageMix(), interopSafe: Bool = false,
        discussion: DiscussionSpec? = nil, invite: InviteSpec? = nil, forum: ForumSpec? = nil
    ) {
        self.username = username
        self.title = title
        self.size = size
        self.postsPerHour = postsPerHour
        self.start = start
        self.mix = mix
        self.interopSafe = interopSafe
        self.discussion = discussion
        self.invite = invite
        self.forum = forum
    }

    private enum CodingKeys: String, CodingKey {
        case username, title, size, postsPerHour, start, mix, interopSafe, discussion, invite, forum
    }

    /// Reads a channel, defaulting `title` to the username, `mix` to `MessageMix()`, `interopSafe` to false
    /// and `discussion`, `invite` and `forum` to none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        username = try container.decode(String.self, forKey: .username)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? username
        size = try container.decode(Int.self, forKey: .size)
        postsPerHour = try container.decodeIfPresent(Double.self, forKey: .postsPerHour) ?? 4
        start = try container.decodeIfPresent(Date.self, forKey: .start)
        mix = try container.decodeIfPresent(MessageMix.self, forKey: .mix) ?? MessageMix()
        interopSafe = try container.decodeIfPresent(Bool.self, forKey: .interopSafe) ?? false
        discussion = try container.decodeIfPresent(DiscussionSpec.self, forKey: .discussion)
        invite = try container.decodeIfPresent(InviteSpec.self, forKey: .invite)
        forum = try container.decodeIfPresent(ForumSpec.self, forKey: .forum)
    }
}

/// Fractions of message kinds and fates in a channel (each between 0 and 1).
public struct MessageMix: Codable, Sendable, Equatable {
    /// Messages carrying a photo or document.
    public var media: Double
    /// Messages replying to an earlier message.
    public var replies: Double
    /// Messages forwarded from another channel.
    public var forwards: Double
    /// Service messages (pins).
    public var service: Double
    /// Ids deleted before genesis, or after they were posted.
    public var deleted: Double
    /// Messages edited some time after they were posted.
    public var edited: Double
    /// Groups of 8 ids whose first messages form a photo album.
    public var albums: Double

    /// Creates a mix; the defaults resemble a busy news channel.
    public init(
        media: Double = 0.25, replies: Double = 0.1, forwards: Double = 0.1, service: Double = 0.02,
        deleted: Double = 0.05, edited: Double = 0.1, albums: Double = 0.05
    ) {
        self.media = media
        self.replies = replies
        self.forwards = forwards
        self.service = service
        self.deleted = deleted
        self.edited = edited
        self.albums = albums
    }

    private enum CodingKeys: String, CodingKey {
        case media, replies, forwards, service, deleted, edited, albums
    }

    /// Reads a mix; missing fractions keep their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = MessageMix()
        func read(_ key: CodingKeys, _ fallback: Double) throws -> Double {
            try container.decodeIfPresent(Double.self, forKey: key) ?? fallback
        }
        media = try read(.media, defaults.media)
        replies = try read(.replies, defaults.replies)
        forwards = try read(.forwards, defaults.forwards)
        service = try read(.service, defaults.service)
        deleted = try read(.deleted, defaults.deleted)
        edited = try read(.edited, defaults.edited)
        albums = try read(.albums, defaults.albums)
    }

    /// Every fraction with its name, for validation messages.
    var fractions: [(String, Double)] {
        [("media", media), ("replies", replies), ("forwards", forwards), ("service", service),
         ("deleted", deleted), ("edited", edited), ("albums", albums)]
    }
}
