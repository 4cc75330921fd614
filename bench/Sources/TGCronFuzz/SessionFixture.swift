import MTProto
import MTProtoCrypto
import TL

/// A recorded exchange between a `ClientSession` and a `ServerSession` on a known auth key, at a
/// fixed time: the sessions just before each side receives, and the packets each side received.
struct SessionFixture {
    /// The shared authorization key.
    let authKey: AuthKey
    /// The moment every packet is sent and received at, so that message ids stay in the time window.
    let now = SessionFixture.time
    /// The fixed time of the recorded exchange.
    static let time = UnixTime(seconds: 1_750_000_000)
    /// The server before the client's first packet.
    let server: ServerSession
    /// The client with its requests in flight, before the server's answers.
    let client: ClientSession
    /// Encrypted packets the client sent (a container of three requests, then acknowledgements).
    let clientPackets: [[UInt8]]
    /// Encrypted packets the server sent (new session, results, a gzip_packed result, an error, an update).
    let serverPackets: [[UInt8]]

    /// Runs the exchange. `largeResult` is a TL object over the compression threshold (sent gzip_packed).
    init(largeResult: [UInt8]) throws(FuzzError) {
        var random = SeededRandom(seed: 0x5e55_1011)
        let now = Self.time
        let authKey: AuthKey
        do {
            authKey = try AuthKey(random.bytes(256))
        } catch {
            throw .fixture("auth key: \(error)")
        }
        self.authKey = authKey
        let salt: Int64 = 0x0123_4567_89ab_cdef
        var client = ClientSession(authKey: authKey, salt: salt, random: &random)
        var server = ServerSession(authKey: authKey, salt: salt)
        _ = client.push(Api.Help.GetConfig())
        _ = client.push(Api.Help.GetNearestDc())
        _ = client.push(Api.Help.GetConfig())
        guard let request = client.nextPacket(now: now, random: &random) else { throw .fixture("client sent nothing") }
        self.server = server
        self.client = client

        let requests = server.feed(request, now: now).compactMap { event -> Int64? in
            if case .request(let received) = event { return received.messageID }
            return nil
        }
        guard requests.count == 3 else { throw .fixture("server saw \(requests.count) of 3 requests") }
        var serverPackets: [[UInt8]] = []
        server.reply(to: requests[0], result: TLBoolID.true.littleEndianBytes)
        server.reply(to: requests[1], result: largeResult)
        if let packet = server.nextPacket(now: now, random: &random) { serverPackets.append(packet) }
        server.reply(to: requests[2], error: RPCError(code: 420, message: "FLOOD_WAIT_7"))
        server.send(update: TLBoolID.false.littleEndianBytes)
        if let packet = server.nextPacket(now: now, random: &random) { serverPackets.append(packet) }
        guard serverPackets.count == 2 else { throw .fixture("server sent \(serverPackets.count) of 2 packets") }
        self.serverPackets = serverPackets

        for packet in serverPackets { _ = client.feed(packet, now: now) }
        guard let acks = client.nextPacket(now: now, random: &random, flushAcks: true) else {
            throw .fixture("client sent no acknowledgements")
        }
        clientPackets = [request, acks]
    }
}

extension UInt32 {
    /// The four little-endian bytes of the value.
    var littleEndianBytes: [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: self >> (8 * UInt32($0))) }
    }
}
