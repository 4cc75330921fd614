import MTProtoCrypto

/// The client key exchange with its plain-message framing: packets in, packets out.
///
/// A connection calls `start` once, writes the packet, and passes every received packet to `receive`
/// until it reports `.finished`. Message ids come from the `now` the caller passes.
public struct ClientHandshake: Sendable {
    /// What the client does after a server packet.
    public enum Progress: Sendable {
        /// Send this packet and wait for the next answer.
        case send([UInt8])
        /// The key exchange is complete.
        case finished(GeneratedAuthKey)
    }

    private enum State: Sendable {
        case awaitingResPQ(ClientKeyExchange.AwaitingResPQ)
        case awaitingServerDHParams(ClientKeyExchange.AwaitingServerDHParams)
        case awaitingDHGeneration(ClientKeyExchange.AwaitingDHGeneration)
        case finished
    }

    private var state: State
    private var messageIDs = MessageIDGenerator()

    /// Begins an exchange and returns the handshake with the `req_pq_multi` packet to send.
    public static func start(
        configuration: ClientKeyExchangeConfiguration, now: UnixTime, random: inout some RandomSource
    ) -> (handshake: ClientHandshake, packet: [UInt8]) {
        let (request, next) = ClientKeyExchange.start(configuration: configuration, random: &random)
        var handshake = ClientHandshake(state: .awaitingResPQ(next))
        return (handshake, handshake.frame(request, now: now))
    }

    private init(state: State) {
        self.state = state
    }

    /// Handles one server packet. Throws on any invalid or unexpected answer; the exchange cannot
    /// continue after an error (start a new one on a new connection).
    public mutating func receive(
        _ packet: [UInt8], now: UnixTime, random: inout some RandomSource
    ) throws(KeyExchangeError) -> Progress {
        let body = try PlainMessage(parsing: packet).body
        switch state {
        case .awaitingResPQ(let step):
            let (request, next) = try step.handle(body, random: &random)
            state = .awaitingServerDHParams(next)
            return .send(frame(request, now: now))
        case .awaitingServerDHParams(let step):
            let (request, next) = try step.handle(body, now: now, random: &random)
            state = .awaitingDHGeneration(next)
            return .send(frame(request, now: now))
        case .awaitingDHGeneration(let step):
            switch try step.handle(body, random: &random) {
            case .finished(let key):
                state = .finished
                return .finished(key)
            case .retry(let request, let next):
                state = .awaitingDHGeneration(next)
                return .send(frame(request, now: now))
            }
        case .finished:
            throw .exchangeFinished
        }
    }

    private mutating func frame(_ body: [UInt8], now: UnixTime) -> [UInt8] {
        PlainMessage(messageID: messageIDs.next(now: now, kind: .client), body: body).serialized()
    }
}
