/// Which `P_Q_inner_data` constructor the client sends in `req_DH_params`, and so which key it asks for
/// (https://core.telegram.org/mtproto/auth_key, step 4).
public enum PQInnerDataForm: Sendable, Hashable {
    /// `p_q_inner_data#83c95aec`, without a data center: the old form, still accepted by servers and
    /// used by grammers' recorded exchange.
    case legacy
    /// `p_q_inner_data_dc#a9f55f95`: a permanent key for data center `dc` (see `protocolDC`).
    case permanent(dc: Int32)
    /// `p_q_inner_data_temp_dc#56fddf88`: a temporary key for `dc` that expires `expiresIn` seconds
    /// after creation, to be bound to a permanent key with `auth.bindTempAuthKey`.
    case temporary(dc: Int32, expiresIn: Int32)

    /// The `dc` value the protocol expects for data center `id`: 10000 + id on test servers, negated
    /// for media-only data centers (tdlib `AuthKeyHandshake`, Telegram Android `Handshake.cpp`).
    public static func protocolDC(_ id: Int32, testServers: Bool, mediaOnly: Bool) -> Int32 {
        let base = testServers ? 10_000 + id : id
        return mediaOnly ? -base : base
    }
}
