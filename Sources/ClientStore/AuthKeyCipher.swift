import MTProtoCrypto

/// Encryption at rest of auth keys with a passphrase: PBKDF2-HMAC-SHA512 over a random 16-byte salt
/// per value gives a 32-byte AES-256-CTR key and a 32-byte HMAC-SHA256 key; the value is
/// `magic ‖ salt ‖ iv ‖ ciphertext ‖ mac`, the MAC covering everything before it (encrypt-then-MAC).
public struct AuthKeyCipher: Sendable {
    /// The prefix that marks an encrypted value (a plain auth key is 256 random bytes and is taken as
    /// plain unless it starts with these 8 bytes, a 2^-64 chance).
    static let magic: [UInt8] = Array("TGCRONE1".utf8)
    private static let saltLength = 16
    private static let ivLength = 16
    private static let macLength = 32

    private let passphrase: [UInt8]
    /// PBKDF2 iterations.
    public let iterations: Int

    /// A cipher for `passphrase`; 200,000 PBKDF2 iterations unless told otherwise.
    public init(passphrase: String, iterations: Int = 200_000) {
        self.passphrase = Array(passphrase.utf8)
        self.iterations = iterations
    }

    /// Whether `stored` is an encrypted value.
    static func isEncrypted(_ stored: [UInt8]) -> Bool {
        stored.count > magic.count && Array(stored.prefix(magic.count)) == magic
    }

    /// `plain` encrypted under a fresh salt and IV.
    public func encrypt(_ plain: [UInt8]) throws(SessionStoreError) -> [UInt8] {
        var random = SystemRandom()
        let salt = random.bytes(Self.saltLength)
        let iv = random.bytes(Self.ivLength)
        let (cipherKey, macKey) = try keys(salt: salt)
        var body = plain
        do {
            var ctr = try AESCTR(key: cipherKey, iv: iv)
            ctr.apply(&body)
        } catch {
            throw .crypto("\(error)")
        }
        let sealed = Self.magic + salt + iv + body
        return sealed + HMACSHA256.mac(key: macKey, message: sealed)
    }

    /// The plain value of `sealed`; `.wrongPassphrase` if the MAC does not match.
    public func decrypt(_ sealed: [UInt8]) throws(SessionStoreError) -> [UInt8] {
        let header = Self.magic.count + Self.saltLength + Self.ivLength
        guard Self.isEncrypted(sealed), sealed.count >= header + Self.macLength else { throw .corrupt("encrypted auth key too short") }
        let salt = Array(sealed[Self.magic.count..<Self.magic.count + Self.saltLength])
        let iv = Array(sealed[Self.magic.count + Self.saltLength..<header])
        let covered = Array(sealed.dropLast(Self.macLength))
        let (cipherKey, macKey) = try keys(salt: salt)
        guard Self.constantTimeEqual(HMACSHA256.mac(key: macKey, message: covered), Array(sealed.suffix(Self.macLength))) else {
            throw .wrongPassphrase
        }
        var body = Array(covered[header...])
        do {
            var ctr = try AESCTR(key: cipherKey, iv: iv)
            ctr.apply(&body)
        } catch {
            throw .crypto("\(error)")
        }
        return body
    }

    private func keys(salt: [UInt8]) throws(SessionStoreError) -> (cipher: [UInt8], mac: [UInt8]) {
        let derived: [UInt8]
        do {
            derived = try PBKDF2.hmacSHA512(password: passphrase, salt: salt, iterations: iterations, keyLength: 64)
        } catch {
            throw .crypto("\(error)")
        }
        return (Array(derived.prefix(32)), Array(derived.suffix(32)))
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
