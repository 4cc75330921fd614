/// The one-time protocol tag at the start of an unobfuscated connection: the client writes it
/// before its first frame, the server checks it before reading the first frame.
///
/// Inside transport obfuscation the tag travels in the obfuscation header instead, so the framing
/// is built with `inStream: false` and neither writes nor expects it.
struct ProtocolTag: Sendable {
    private let bytes: [UInt8]
    private var writePending: Bool
    private var readPending: Bool

    /// A tag of `bytes` for the `role` end; `inStream` is false when obfuscation carries it instead.
    init(_ bytes: [UInt8], role: TransportRole, inStream: Bool) {
        self.bytes = bytes
        writePending = inStream && role == .client
        readPending = inStream && role == .server
    }

    /// Appends the tag to `out` the first time a client calls it; does nothing otherwise.
    mutating func write(into out: inout [UInt8]) {
        guard writePending else { return }
        out.append(contentsOf: bytes)
        writePending = false
    }

    /// On a server, consumes and checks the tag once; returns false while more bytes are needed.
    mutating func read(from inbound: inout ByteQueue) throws(TransportError) -> Bool {
        guard readPending else { return true }
        guard inbound.count >= bytes.count else { return false }
        guard inbound.peek(bytes.count) == bytes[...] else {
            throw .unknownProtocolTag(bytes.count == 4 ? inbound.uint32LE(at: 0) : UInt32(inbound.byte(at: 0)))
        }
        inbound.skip(bytes.count)
        readPending = false
        return true
    }
}
