import MTProto
import MTProtoTransport

/// One TCP connection of an `MTProtoConnection` while it lasts: its framing (send and receive
/// state together, as obfuscation and the full transport need), its writer queue and its phase.
struct Link {
    /// Where the link is in its life.
    enum Phase {
        /// Creating an auth key with plain messages.
        case exchangingKey(ClientHandshake)
        /// Running the encrypted session.
        case ready
    }

    /// Tells this link from earlier ones, so late work for a dead link is ignored.
    let generation: Int
    /// The transport framing.
    var framing: any TransportFraming
    /// Encoded frames for the writer task.
    let outbound: OutboundQueue
    /// Wakes the flusher task, which packs queued requests into packets; wake-ups coalesce.
    let flushSignal: AsyncStream<Void>.Continuation
    /// The current phase.
    var phase: Phase
    /// The keepalive ping sent last, until its pong arrives.
    var keepalive: RequestID?
    /// Whether the server proved on this link that it shares the auth key (a key exchange finished
    /// or a packet decrypted); losing such a link starts the backoff afresh.
    var hasWorked = false

    /// Whether the encrypted session runs on this link.
    var isReady: Bool {
        if case .ready = phase { true } else { false }
    }
}
