/// The linked discussion group of a channel (https://core.telegram.org/api/discussion): a public
/// megagroup that receives an automatic copy of every post, under which readers comment.
public struct DiscussionSpec: Codable, Sendable, Equatable {
    /// The group's public username, without `@`.
    public var username: String
    /// The group's title.
    public var title: String
    /// Comments per post on average (the total per block of posts is fixed, the spread heavy-tailed).
    public var commentsPerPost: Double
    /// Comments deleted (before genesis, or within hours after posting).
    public var deleted: Double
    /// Comments edited within hours after posting.
    public var edited: Double
    /// Comments that reply to an earlier comment of their thread rather than to the post.
    public var repliesToReplies: Double

    /// Creates a discussion group description.
    public init(
        username: String, title: String, commentsPerPost: Double = 3, deleted: Double = 0.05, edited: Double = 0.05,
        repliesToReplies: Double = 0.3
    ) {
        self.username = username
        self.title = title
        self.commentsPerPost = commentsPerPost
        self.deleted = deleted
        self.edited = edited
        self.repliesToReplies = repliesToReplies
    }

    private enum CodingKeys: String, CodingKey {
        case username, title, commentsPerPost, deleted, edited, repliesToReplies
    }

    /// Reads a group, defaulting `title` to the username and the fractions to the initializer's.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = DiscussionSpec(username: "", title: "")
        username = try container.decode(String.self, forKey: .username)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? username
        commentsPerPost = try container.decodeIfPresent(Double.self, forKey: .commentsPerPost) ?? defaults.commentsPerPost
        deleted = try container.decodeIfPresent(Double.self, forKey: .deleted) ?? defaults.deleted
        edited = try container.decodeIfPresent(Double.self, forKey: .edited) ?? defaults.edited
        repliesToReplies = try container.decodeIfPresent(Double.self, forKey: .repliesToReplies) ?? defaults.repliesToReplies
    }

    /// Every fraction with its name, for validation messages.
    var fractions: [(String, Double)] {
        [("deleted", deleted), ("edited", edited), ("repliesToReplies", repliesToReplies)]
    }
}
