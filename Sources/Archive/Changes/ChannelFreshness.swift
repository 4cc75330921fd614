import Foundation

/// How fresh one archived channel is: its newest archived message and its latest successful run.
public struct ChannelFreshness: Equatable, Sendable {
    /// The channel id.
    public var channelID: Int64
    /// The channel's username, if it has one.
    public var username: String?
    /// Send date of the newest archived message (nil if none is archived).
    public var newestMessage: Date?
    /// When the latest successful run on the channel ended (nil if none succeeded).
    public var lastSuccess: Date?

    /// A channel's freshness.
    public init(channelID: Int64, username: String?, newestMessage: Date?, lastSuccess: Date?) {
        self.channelID = channelID
        self.username = username
        self.newestMessage = newestMessage
        self.lastSuccess = lastSuccess
    }

    /// `@name`, or the id when the channel has no username.
    public var name: String {
        username.map { "@" + $0 } ?? String(channelID)
    }
}
