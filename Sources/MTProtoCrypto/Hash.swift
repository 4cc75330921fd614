import COpenSSL

/// One-shot message digests (SHA-1, SHA-256, SHA-512) over one or more byte strings.
///
/// Passing several parts hashes their concatenation without building it, which is how MTProto
/// formulas such as `SHA256(msg_key + auth_key[x..<x+36])` read.
public enum Hash {
    /// SHA-1 (20 bytes) of the concatenation of `parts`.
    public static func sha1(_ parts: [UInt8]...) -> [UInt8] {
        digest(EVP_sha1(), length: 20, parts)
    }

    /// SHA-256 (32 bytes) of the concatenation of `parts`.
    public static func sha256(_ parts: [UInt8]...) -> [UInt8] {
        digest(EVP_sha256(), length: 32, parts)
    }

    /// SHA-512 (64 bytes) of the concatenation of `parts`.
    public static func sha512(_ parts: [UInt8]...) -> [UInt8] {
        digest(EVP_sha512(), length: 64, parts)
    }

    private static func digest(_ algorithm: OpaquePointer?, length: Int, _ parts: [[UInt8]]) -> [UInt8] {
        // These calls fail only when memory cannot be allocated; there is nothing sensible to return then.
        guard let context = EVP_MD_CTX_new() else { fatalError("Hash: EVP_MD_CTX_new failed (out of memory)") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestInit_ex(context, algorithm, nil) == 1 else { fatalError("Hash: EVP_DigestInit_ex failed") }
        for part in parts {
            let ok = part.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
            guard ok == 1 else { fatalError("Hash: EVP_DigestUpdate failed") }
        }
        var output = [UInt8](repeating: 0, count: length)
        var written: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &output, &written) == 1, Int(written) == length else {
            fatalError("Hash: EVP_DigestFinal_ex failed")
        }
        return output
    }
}

/// SHA-256 over data fed in pieces, for files too large to hold whole (ground truth, download checks).
public final class SHA256Stream {
    private let context: OpaquePointer

    /// A fresh digest.
    public init() {
        // These calls fail only when memory cannot be allocated; there is nothing sensible to return then.
        guard let context = EVP_MD_CTX_new() else { fatalError("SHA256Stream: EVP_MD_CTX_new failed (out of memory)") }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { fatalError("SHA256Stream: EVP_DigestInit_ex failed") }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds `bytes` to the digest.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        guard EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1 else { fatalError("SHA256Stream: EVP_DigestUpdate failed") }
    }

    /// Adds `bytes` to the digest.
    public func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The 32-byte digest of everything added; the stream must not be used afterwards.
    public func finish() -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var written: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &output, &written) == 1, written == 32 else {
            fatalError("SHA256Stream: EVP_DigestFinal_ex failed")
        }
        return output
    }
}
