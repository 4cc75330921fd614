import Client
import Foundation
import Jobs
import MTProtoCrypto

extension ServerEndpoints {
    /// Telegram's production DCs, or the server the settings name (`telegram_client.server`, `dc`,
    /// `public_keys`), e.g. the sandbox DC.
    static func from(_ settings: TelegramClientSettings) throws -> ServerEndpoints {
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
}
