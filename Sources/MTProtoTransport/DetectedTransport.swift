/// What an autodetecting server found a client speaking.
public struct DetectedTransport: Sendable, Hashable {
    /// The framing of the payloads.
    public let framing: TransportProtocol
    /// Whether the framing runs inside transport obfuscation.
    public let isObfuscated: Bool
    /// The DC id from the obfuscation header (meaningful only if the client sent one, as MTProxy
    /// clients do); `nil` without obfuscation.
    public let dcID: Int16?

    /// A detection result; `dcID` is `nil` unless `isObfuscated`.
    public init(framing: TransportProtocol, isObfuscated: Bool, dcID: Int16? = nil) {
        self.framing = framing
        self.isObfuscated = isObfuscated
        self.dcID = dcID
    }
}
