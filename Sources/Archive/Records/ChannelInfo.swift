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

    /// A channel description.
    public init(id: Int64, accessHash: Int64? = nil, username: String? = nil, title: String) {
        self.id = id
        self.accessHash = accessHash
        self.username = username
        self.title = title
    }
}
