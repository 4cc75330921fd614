/// Turns a stream of archived messages into one export format; `ArchiveStore.export` drives it.
public protocol ExportWriter {
    /// Called once before any message, with the channel when the filter names one.
    mutating func begin(channel: ChannelRecord?) throws(ArchiveError)
    /// Called for each message, in channel then id order.
    mutating func write(_ message: ExportedMessage) throws(ArchiveError)
    /// Called once after the last message.
    mutating func finish() throws(ArchiveError)
}
