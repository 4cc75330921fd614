/// How far the conversion of an archive to the lean layout has got (`ArchiveStore.convertToLean`).
public struct LeanConversionProgress: Equatable, Sendable {
    /// Message rows converted so far, earlier resumed runs included.
    public var converted: Int
    /// Message rows in the archive.
    public var total: Int

    /// Progress of `converted` out of `total`.
    public init(converted: Int, total: Int) {
        self.converted = converted
        self.total = total
    }
}

/// How a call to `ArchiveStore.convertToLean` ended.
public enum LeanConversionOutcome: Equatable, Sendable {
    /// The archive already had the lean layout.
    case alreadyLean
    /// Every row was converted and the old columns dropped; `bytesBefore` and `bytesAfter` are the file's sizes.
    case converted(bytesBefore: Int64, bytesAfter: Int64)
    /// Stopped between batches when asked to; the next call resumes there.
    case stopped(LeanConversionProgress)
}
