/// Which end of a connection a framing serves: it decides who writes the protocol tag (the client)
/// and who must check it (the server), and whether transport error frames are recognised.
public enum TransportRole: Sendable, Hashable {
    /// The connecting side: sends the protocol tag with its first frame, reads server frames.
    case client
    /// The accepting side: checks the protocol tag at the start of the stream, reads client frames.
    case server
}
