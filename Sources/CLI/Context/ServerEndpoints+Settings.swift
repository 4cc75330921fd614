import Client
import Foundation
import Jobs
import MTProtoCrypto

extension ServerEndpoints {
    /// Telegram's production DCs, or the server the settings name (`telegram_client.server`, `dc`,
    /// `public_keys`), or the running sandbox whose data folder `telegram_client.sandbox` names.
    static func from(_ settings: TelegramClientSettings) throws -> ServerEndpoints {
        if let folder = settings.sandbox { return try sandbox(folder, dc: settings.dc ?? 2) }
        guard let server = settings.server else { return .production }
        var keys: [RSAPublicKey] = []
        for path in settings.publicKeys {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw CLIFailure("telegram_client.public_keys: cannot read \(path): \(error.localizedDescription)")
            }
            do {
                keys.append(try RSAPublicKey(pem: text))
            } catch {
                throw CLIFailure("telegram_client.public_keys: \(path) is not an RSA public key in PEM: \(error)")
            }
        }
        guard !keys.isEmpty else {
            throw CLIFailure("telegram_client.server is set: telegram_client.public_keys must name the server's RSA key (PEM)")
        }
        return .custom(host: server.host, port: server.port, dc: settings.dc ?? 2, publicKeys: keys)
    }

    /// The sandbox serving from `folder`, read from the `sandbox.json` it writes when it starts.
    private static func sandbox(_ folder: String, dc: Int) throws -> ServerEndpoints {
        let manifestPath = (folder as NSString).appendingPathComponent("sandbox.json")
        struct Manifest: Decodable {
            let host: String
            let dcs: [String: Int]
            let publicKeyPEM: String

            enum CodingKeys: String, CodingKey {
                case host, dcs, publicKeyPEM = "public_key_pem"
            }
        }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: manifestPath)))
        } catch {
            throw CLIFailure("telegram_client.sandbox: cannot read \(manifestPath) (is `tgcron sandbox serve --data \(folder)` running?)")
        }
        guard let port = manifest.dcs[String(dc)] else {
            throw CLIFailure("telegram_client.sandbox: the sandbox in \(folder) serves no DC \(dc)")
        }
        do {
            return .custom(host: manifest.host, port: port, dc: dc, publicKeys: [try RSAPublicKey(pem: manifest.publicKeyPEM)])
        } catch {
            throw CLIFailure("telegram_client.sandbox: the key in \(manifestPath) is not an RSA public key: \(error)")
        }
    }
}
