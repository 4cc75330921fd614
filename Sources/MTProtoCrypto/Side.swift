/// Which party of an MTProto connection sent a message; it selects the auth_key slices of the KDF.
public enum Side: Sendable, Hashable {
    /// The client (x = 0 in the MTProto 2.0 formulas).
    case client
    /// The server (x = 8).
    case server

    /// The offset `x` into the auth key that the MTProto formulas use for this sender.
    var x: Int {
        switch self {
        case .client: 0
        case .server: 8
        }
    }
}
