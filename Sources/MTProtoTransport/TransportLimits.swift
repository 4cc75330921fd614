/// Limits shared by every framing.
public enum TransportLimits {
    /// The largest payload a framing accepts unless told otherwise: 16 MiB, which is also the most
    /// tdlib sends in one transport packet.
    public static let defaultMaxFrameLength = 16 * 1024 * 1024
}
