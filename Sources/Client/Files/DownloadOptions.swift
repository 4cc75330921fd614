/// How a download runs: the part size, how many parts are in flight and over how many connections.
public struct DownloadOptions: Sendable, Equatable {
    /// Bytes per `upload.getFile` (a power of two from 4 KiB to 1 MiB, as Telegram requires).
    public var partSize: Int
    /// Parts in flight at once; memory holds at most this many parts.
    public var parallelParts: Int
    /// Dedicated download connections to the file's DC the parts are spread over.
    public var connections: Int
    /// Refreshes of the file reference allowed in a row without a part completing in between.
    public var maximumRefreshes: Int

    /// Options; by default 1 MiB parts, 4 in flight over 2 connections, 3 refreshes in a row.
    public init(partSize: Int = 1 << 20, parallelParts: Int = 4, connections: Int = 2, maximumRefreshes: Int = 3) {
        self.partSize = max(4_096, min(1 << 20, 1 << (Int.bitWidth - 1 - max(partSize, 1).leadingZeroBitCount)))
        self.parallelParts = max(1, parallelParts)
        self.connections = max(1, min(connections, self.parallelParts))
        self.maximumRefreshes = max(0, maximumRefreshes)
    }
}
