import MTProtoCrypto

/// The server key exchange with its plain-message framing: one client packet in, one answer packet out.
public struct ServerHandshake: Sendable {
    /// What the server does after a client packet.
    public enum Progress: Sendable {
        /// Send this packet and wait for the next request.
        case send([UInt8])
        /// Send this last packet (`dh_gen_ok`); the key is ready.
        case finished(packet: [UInt8], key: ServerGeneratedAuthKey)
    }

    private enum State: Sendable {
        case awaitingReqPQ(ServerKeyExchange.AwaitingReqPQ)
        case awaitingReqDHParams(ServerKeyExchange.AwaitingReqDHParams)
        case awaitingClientDHParams(ServerKeyExchange.AwaitingClientDHParams)
        case finished
    }

    private var state: State
    private var messageIDs = MessageIDGenerator()

    /// A handshake waiting for the client's first request.
    public init(configuration: ServerKeyExchangeConfiguration) {
        state = .awaitingReqPQ(ServerKeyExchange.AwaitingReqPQ(configuration: configuration))
    }

    /// Handles one client packet. Throws on an invalid request; the exchange cannot continue after an error.
    public mutating func receive(
        _ packet: [UInt8], now: UnixTime, random: inout some RandomSource
    ) throws(KeyExchangeError) -> Progress {
        let body = try PlainMessage(parsing: packet).body
        switch state {
        case .awaitingReqPQ(let step):
            let (response, next) = try step.handle(body, random: &random)
            state = .awaitingReqDHParams(next)
            return .send(frame(response, now: now))
        case .awaitingReqDHParams(let step):
            let (response, next) = try step.handle(body, now: now, random: &random)
            state = .awaitingClientDHParams(next)
            return .send(frame(response, now: now))
        case .awaitingClientDHParams(let step):
            switch try step.handle(body) {
            case .finished(let response, let key):
                state = .finished
                return .finished(packet: frame(response, now: now), key: key)
            case .retry(let response, let next):
                state = .awaitingClientDHParams(next)
                return .send(frame(response, now: now))
            }
        case .finished:
            throw .exchangeFinished
        }
    }

    private mutating func frame(_ body: [UInt8], now: UnixTime) -> [UInt8] {
        PlainMessage(messageID: messageIDs.next(now: now, kind: .serverResponse), body: body).serialized()
    }
}
