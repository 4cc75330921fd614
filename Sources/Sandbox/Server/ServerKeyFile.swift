import Foundation
import MTProtoCrypto

/// The sandbox's RSA key in its data directory: `server_key.pem` (private, mode 0600), created on
/// the first start and reused afterwards, and `server_public.pem` (PKCS#1) for clients.
enum ServerKeyFile {
    /// The private key file name.
    static let privateName = "server_key.pem"
    /// The public key file name.
    static let publicName = "server_public.pem"

    /// Reads the key in `directory`, generating and saving one if there is none; rewrites the public key file.
    static func loadOrCreate(in directory: URL) throws(SandboxServerError) -> RSAPrivateKey {
        let privateURL = directory.appendingPathComponent(privateName)
        let key: RSAPrivateKey
        if FileManager.default.fileExists(atPath: privateURL.path) {
            do {
                key = try RSAPrivateKey(pem: String(contentsOf: privateURL, encoding: .utf8))
            } catch {
                throw .unreadableKey(privateURL.path, "\(error)")
            }
        } else {
            do {
                key = try RSAPrivateKey.generate()
            } catch {
                throw .keyGeneration("\(error)")
            }
            try AtomicFile.write(pem(of: key, public: false), to: privateURL, mode: 0o600)
        }
        try AtomicFile.write(pem(of: key, public: true), to: directory.appendingPathComponent(publicName), mode: 0o644)
        return key
    }

    /// The PEM text of the private key or its PKCS#1 public key.
    static func pem(of key: RSAPrivateKey, public: Bool) throws(SandboxServerError) -> String {
        do {
            return try `public` ? key.publicKeyPEM() : key.pem()
        } catch {
            throw .keyGeneration("\(error)")
        }
    }
}
