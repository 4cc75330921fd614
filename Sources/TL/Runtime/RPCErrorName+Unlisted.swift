/// Names that errors.csv does not list: ones Telegram is known to send, and ones the client raises
/// itself in the same shape, where the server's answer cannot be used (both in one place, like the
/// generated ones).
extension RPCErrorName {
    /// `auth.sentCodePaymentRequired`: Telegram wants payment before it sends a code (raised by the client).
    public static let phoneCodePaymentRequired = RPCErrorName("PHONE_CODE_PAYMENT_REQUIRED", code: 400)
    /// The 2FA password uses a key derivation the client does not implement (raised by the client).
    public static let passwordAlgoUnsupported = RPCErrorName("PASSWORD_ALGO_UNSUPPORTED", code: 400)
    /// The server's SRP parameters failed the client's checks (raised by the client).
    public static let passwordParametersInvalid = RPCErrorName("PASSWORD_PARAMETERS_INVALID", code: 400)
    /// The phone code hash does not match the code that was sent.
    public static let phoneCodeHashInvalid = RPCErrorName("PHONE_CODE_HASH_INVALID", code: 400)
    /// A request that could not be decoded.
    public static let inputRequestInvalid = RPCErrorName("INPUT_REQUEST_INVALID", code: 400)
    /// The server could not set up its side of an SRP check.
    public static let srpSetupFailed = RPCErrorName("SRP_SETUP_FAILED", code: 500)
}
