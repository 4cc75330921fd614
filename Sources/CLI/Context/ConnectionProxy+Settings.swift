import Jobs
import MTProtoNIO
import MTProtoTransport

extension ConnectionProxy {
    /// The proxy `telegram_client.proxy` names; its secret was checked when the settings were read, so a
    /// failure here is a settings error all the same (exit 78), which never shows the secret.
    init(setting: ProxySetting) throws {
        switch setting {
        case .socks5(let host, let port, let username, let password):
            let credentials = username.map { SOCKS5Credentials(username: $0, password: password ?? "") }
            self = .socks5(host: host, port: port, credentials: credentials)
        case .mtproxy(let host, let port, let secretHex):
            do {
                self = .mtproxy(host: host, port: port, secret: try MTProxySecret(hex: secretHex))
            } catch {
                try ConfigurationFailure.exit("telegram_client.proxy: \(error)")
            }
        }
    }
}
