/// Limits and policies of an encrypted session (client or server side).
public struct SessionConfiguration: Sendable {
    /// Send pending acknowledgements on their own once this many have accumulated; below it they
    /// wait for the next outgoing message.
    public var ackFlushThreshold: Int
    /// Outgoing bodies of at least this many bytes are sent as `gzip_packed` when that is smaller;
    /// nil never compresses.
    public var compressionThreshold: Int?
    /// The most bytes an incoming `gzip_packed` may inflate to.
    public var maximumInflatedSize: Int
    /// The most messages in one outgoing container (the server accepts up to 1020).
    public var maximumContainerMessages: Int
    /// The most bytes of inner messages (headers included) in one outgoing container.
    public var maximumContainerBytes: Int
    /// How far in the past (seconds) an incoming msg_id may be, relative to the corrected clock.
    public var pastWindow: Int64
    /// How far in the future (seconds) an incoming msg_id may be, relative to the corrected clock.
    public var futureWindow: Int64
    /// How many received msg_ids are remembered to reject duplicates; older ids are rejected outright.
    public var rememberedMessageIDs: Int
    /// How many times a request is resent after corrective notifications before it fails.
    public var maximumResends: Int

    /// The defaults: at most 1020 messages and 1044456 - 8 bytes of inner messages per container (the
    /// size cap is Telethon's `MessageContainer.MAXIMUM_SIZE`), the 300 s / 30 s window of the MTProto
    /// docs, gzip from 512 bytes, a 16 MiB inflate cap, acks flushed at 16 and 5 resends.
    public init(
        ackFlushThreshold: Int = 16,
        compressionThreshold: Int? = 512,
        maximumInflatedSize: Int = 16 << 20,
        maximumContainerMessages: Int = 1020,
        maximumContainerBytes: Int = 1_044_448,
        pastWindow: Int64 = 300,
        futureWindow: Int64 = 30,
        rememberedMessageIDs: Int = 4096,
        maximumResends: Int = 5
    ) {
        self.ackFlushThreshold = ackFlushThreshold
        self.compressionThreshold = compressionThreshold
        self.maximumInflatedSize = maximumInflatedSize
        self.maximumContainerMessages = maximumContainerMessages
        self.maximumContainerBytes = maximumContainerBytes
        self.pastWindow = pastWindow
        self.futureWindow = futureWindow
        self.rememberedMessageIDs = rememberedMessageIDs
        self.maximumResends = maximumResends
    }
}
