import MTProtoCrypto

/// Which servers a client talks to: Telegram's production network, or a custom MTProto server (the
/// sandbox) given by the address of one DC and the server's public keys.
public enum ServerEndpoints: Sendable {
    /// Telegram's production data centers 1–5 and its built-in public RSA key.
    case production
    /// A custom server: data center `dc` at `host`:`port`, trusted through `publicKeys` (read from
    /// PEM files by the caller). Other DCs are learnt from that DC's `help.getConfig`.
    case custom(host: String, port: Int, dc: Int, publicKeys: [RSAPublicKey])

    /// The DC a fresh session starts (and logs in) at.
    public var initialDC: Int {
        switch self {
        case .production: 2
        case .custom(_, _, let dc, _): dc
        }
    }

    /// The server keys trusted in the key exchange.
    public var publicKeys: [RSAPublicKey] {
        switch self {
        case .production: RSAPublicKey.telegramProduction
        case .custom(_, _, _, let keys): keys
        }
    }

    /// The addresses known without asking the server.
    public var builtInAddresses: [DataCenterAddress] {
        switch self {
        case .production: TelegramDataCenters.production
        case .custom(let host, let port, let dc, _): [DataCenterAddress(dc: dc, host: host, port: port)]
        }
    }
}
