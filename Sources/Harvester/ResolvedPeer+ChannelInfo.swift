import Archive
import Client

extension ResolvedPeer {
    /// The channel as the archive records it with each page.
    var channelInfo: ChannelInfo {
        ChannelInfo(id: id, accessHash: accessHash, username: username, title: title, forum: forum)
    }
}
