/// What the harvester knows about a channel when it commits a page of it.
public struct ChannelInfo: Equatable, Sendable {
    /// The channel id (without the -100 prefix of bot APIs).
    public var id: Int64
    /// The access hash needed to address the channel.
    public var accessHash: Int64?
    /// The public username, if any.
    public var username: String?
    /// The channel's title.
    public var title: String
    /// Whether it is a forum supergroup, whose messages without a topic of their own are in General (id 1).
    public var forum: Bool

    /// A channel description.
    public init(id: Int64, accessHash: Int64? = nil, username: String? = nil, title: String, forum: Bool = false) {
        self.id = id
        self.accessHash = accessHash
        self.username = username
        self.title = title
        self.forum = forum
    }
}
