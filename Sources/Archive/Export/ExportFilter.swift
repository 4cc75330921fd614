import Foundation

/// Which archived messages an export includes.
public struct ExportFilter: Equatable, Sendable {
    /// Only this channel (nil: every channel, in channel order).
    public var channel: Int64?
    /// Only messages sent at or after this instant.
    public var since: Date?
    /// Only messages sent before this instant.
    public var until: Date?
    /// With `channel`: also the comments archived in this discussion group (the channel's), after the posts.
    public var commentsGroup: Int64?

    /// A filter; the default exports everything.
    public init(channel: Int64? = nil, since: Date? = nil, until: Date? = nil, commentsGroup: Int64? = nil) {
        self.channel = channel
        self.since = since
        self.until = until
        self.commentsGroup = commentsGroup
    }
}
