/// One `upload.getFile` of a download: `limit` bytes from `offset`, of which the first `skip` are
/// already stored (a download resumed at an offset that is not a multiple of 4 KiB).
struct DownloadPart: Sendable, Equatable {
    /// The part's offset: a multiple of `limit`, so the part never crosses a 1 MiB boundary.
    let offset: Int64
    /// A power of two from 4 KiB to 1 MiB.
    let limit: Int
    /// Bytes at the start not to write again.
    let skip: Int
    /// The bytes the server must answer: `limit`, or what is left of the file.
    let expected: Int
}
