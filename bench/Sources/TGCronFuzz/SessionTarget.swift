import MTProto
import MTProtoCrypto
import TL

/// The sans-IO session input path: `ServerSession.feed` and `ClientSession.feed` on packets for a
/// known auth key, including the requests' function decoding that the sandbox server does.
///
/// Input: one mode byte, then the payload. Modes 0 and 1 feed the payload as an encrypted packet to
/// the server or the client (mutations mostly stop at the msg_key check). Modes 2 and 3 take the
/// payload as the decrypted message (salt, session, msg_id, seq_no, length, body, padding), pad it to
/// whole AES blocks and encrypt it correctly first, so mutations reach the header checks,
/// containers, rpc_result, gzip_packed and service messages.
struct SessionTarget: FuzzTarget {
    let name = "session"
    let seeds: [[UInt8]]
    let dictionary: [[UInt8]]
    private let fixture: SessionFixture

    /// Records the exchange the seeds come from.
    init() throws(FuzzError) {
        var builder = TLSampleBuilder(seed: 3)
        let large = builder.samples().first { $0.count > 2048 && $0.count < 16384 } ?? Array(repeating: 0, count: 4096)
        fixture = try SessionFixture(largeResult: large)
        var seeds: [[UInt8]] = []
        for packet in fixture.clientPackets {
            seeds.append([0] + packet)
            if let plain = try? MessageCipher.decrypt(packet: packet, authKey: fixture.authKey, side: .client) {
                seeds.append([2] + plain)
            }
        }
        for packet in fixture.serverPackets {
            seeds.append([1] + packet)
            if let plain = try? MessageCipher.decrypt(packet: packet, authKey: fixture.authKey, side: .server) {
                seeds.append([3] + plain)
            }
        }
        self.seeds = seeds
        dictionary = TLTarget.mtConstructorIDs.map(\.littleEndianBytes)
    }

    /// The decrypted bodies of the recorded packets: containers, rpc_result, gzip_packed, acks.
    static func messageBodies() throws(FuzzError) -> [[UInt8]] {
        try SessionTarget().seeds.filter { $0.first ?? 0 >= 2 }.compactMap { seed in
            // The seed is the mode byte then the plaintext; the body length is the word at 28.
            let plain = seed.dropFirst()
            guard plain.count >= 32 else { return nil }
            let start = plain.startIndex
            let length = (0..<4).reduce(0) { $0 | Int(plain[start + 28 + $1]) << (8 * $1) }
            guard length <= plain.count - 32 else { return nil }
            return Array(plain[(start + 32)..<(start + 32 + length)])
        }
    }

    func run(_ input: [UInt8]) -> FuzzOutcome {
        guard let mode = input.first else { return .rejected(kind: "empty") }
        var payload = Array(input.dropFirst())
        let toServer = mode % 2 == 0
        if mode % 4 >= 2 {
            if payload.isEmpty || payload.count % 16 != 0 {
                payload += Array(repeating: 0, count: 16 - payload.count % 16)
            }
            do {
                payload = try MessageCipher.encrypt(plaintext: payload, authKey: fixture.authKey, side: toServer ? .client : .server)
            } catch {
                return .rejecting(error)
            }
        }
        return toServer ? feedServer(payload) : feedClient(payload)
    }

    private func feedServer(_ packet: [UInt8]) -> FuzzOutcome {
        var server = fixture.server
        var outcome = FuzzOutcome.accepted
        for event in server.feed(packet, now: fixture.now) {
            switch event {
            case .request(let request):
                do {
                    _ = try request.decodeFunction()
                } catch {
                    outcome = .rejecting(error)
                }
            case .rejected(let error):
                outcome = .rejecting(error)
            case .ignored(_, let code):
                outcome = .rejected(kind: "ignored \(code)")
            case .acknowledged, .stateInfo, .resendRequested, .newSession:
                break
            }
        }
        return outcome
    }

    private func feedClient(_ packet: [UInt8]) -> FuzzOutcome {
        var client = fixture.client
        var outcome = FuzzOutcome.accepted
        for event in client.feed(packet, now: fixture.now) {
            switch event {
            case .rejected(let error), .failed(_, let error):
                outcome = .rejecting(error)
            case .result, .update, .newSession, .resendScheduled:
                break
            }
        }
        return outcome
    }
}
