import MTProtoCrypto
import TL
import XCTest
@testable import MTProto

/// A client session and a server session wired together in memory, with separate simulated clocks.
struct SessionHarness {
    var random: SeededRandom
    var clientClock = UnixTime(seconds: 1_700_000_000)
    var serverClock = UnixTime(seconds: 1_700_000_000)
    var client: ClientSession
    var server: ServerSession
    /// Every client event so far.
    var clientEvents: [SessionEvent] = []
    /// Every server event so far.
    var serverEvents: [ServerSessionEvent] = []
    /// Whether the server answers each request by echoing its body as the result.
    var echoRequests = true
    /// Packets each side produced.
    var clientPackets = 0
    var serverPackets = 0
    /// Bytes each side produced.
    var clientBytes = 0
    var serverBytes = 0

    init(seed: UInt64, client clientConfiguration: SessionConfiguration = .init(), server serverConfiguration: SessionConfiguration = .init()) {
        var random = SeededRandom(seed: seed)
        let authKey: AuthKey
        do {
            authKey = try AuthKey(random.bytes(256))
        } catch {
            fatalError("256 bytes are a valid key: \(error)")
        }
        let salt = Int64(bitPattern: random.next())
        client = ClientSession(authKey: authKey, salt: salt, configuration: clientConfiguration, random: &random)
        server = ServerSession(authKey: authKey, salt: salt, configuration: serverConfiguration)
        self.random = random
    }

    /// Advances both clocks by `milliseconds`.
    mutating func tick(milliseconds: Int64 = 1) {
        clientClock = UnixTime(nanosecondsSinceEpoch: clientClock.nanosecondsSinceEpoch + milliseconds * 1_000_000)
        serverClock = UnixTime(nanosecondsSinceEpoch: serverClock.nanosecondsSinceEpoch + milliseconds * 1_000_000)
    }

    /// Sends everything the client has to the server. Returns the server's events.
    @discardableResult
    mutating func deliverClientPackets(flushAcks: Bool = false) -> [ServerSessionEvent] {
        var events: [ServerSessionEvent] = []
        while let packet = client.nextPacket(now: clientClock, random: &random, flushAcks: flushAcks) {
            clientPackets += 1
            clientBytes += packet.count
            events += server.feed(packet, now: serverClock)
            tick()
        }
        serverEvents += events
        if echoRequests {
            for case .request(let request) in events { server.reply(to: request.messageID, result: request.body) }
        }
        return events
    }

    /// Sends everything the server has to the client. Returns the client's events.
    @discardableResult
    mutating func deliverServerPackets(flushAcks: Bool = false) -> [SessionEvent] {
        var events: [SessionEvent] = []
        while let packet = server.nextPacket(now: serverClock, random: &random, flushAcks: flushAcks) {
            serverPackets += 1
            serverBytes += packet.count
            events += client.feed(packet, now: clientClock)
            tick()
        }
        clientEvents += events
        return events
    }

    /// Exchanges packets until neither side has anything left (acks flushed at the end).
    mutating func pump() {
        for _ in 0..<100_000 {
            let sent = clientPackets + serverPackets
            deliverClientPackets()
            deliverServerPackets()
            if clientPackets + serverPackets == sent { break }
        }
        deliverClientPackets(flushAcks: true)
        deliverServerPackets(flushAcks: true)
    }

    /// The results delivered so far, by request.
    var results: [RequestID: Result<TLRawObject, RPCError>] {
        var results: [RequestID: Result<TLRawObject, RPCError>] = [:]
        for case .result(let id, let outcome) in clientEvents { results[id] = outcome }
        return results
    }

    /// The failures delivered so far, by request.
    var failures: [RequestID: MTProtoError] {
        var failures: [RequestID: MTProtoError] = [:]
        for case .failed(let id, let error) in clientEvents { failures[id] = error }
        return failures
    }
}
