/// Makes a channel a forum supergroup (https://core.telegram.org/api/forum): a megagroup whose messages are
/// in topics, each opened by a `messageActionTopicCreate` service message whose id is the topic's id, besides
/// General (id 1), which holds every message that names no topic.
public struct ForumSpec: Codable, Sendable, Equatable {
    /// The topics' titles, in the order they are created (spread over the first half of the history).
    public var topics: [String]
    /// The share of messages members send as one of their channels (`from_id` a `peerChannel`).
    public var channelSenders: Double
    /// The share of messages that reply to an earlier message of their topic.
    public var replies: Double

    /// Creates a forum description.
    public init(topics: [String], channelSenders: Double = 0.05, replies: Double = 0.3) {
        self.topics = topics
        self.channelSenders = channelSenders
        self.replies = replies
    }

    private enum CodingKeys: String, CodingKey {
        case topics, channelSenders, replies
    }

    /// Reads a forum; the shares default to the initializer's.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ForumSpec(topics: [])
        topics = try container.decode([String].self, forKey: .topics)
        channelSenders = try container.decodeIfPresent(Double.self, forKey: .channelSenders) ?? defaults.channelSenders
        replies = try container.decodeIfPresent(Double.self, forKey: .replies) ?? defaults.replies
    }
}
