import MTProto
import MTProtoCrypto

/// The key exchange handlers receiving packets: the server at each of its three steps and the client
/// at each of its three, both in the state a valid exchange left them in before that packet.
///
/// Input: a step byte (0–2: the server receives the client's packet of that step; 3–5: the client
/// receives the server's), then the plain-message packet. Each run starts from a copy of the recorded
/// state, so it costs only the step itself (at most one RSA or Diffie-Hellman operation).
struct HandshakeTarget: FuzzTarget {
    let name = "handshake"
    let seeds: [[UInt8]]
    let dictionary: [[UInt8]] = [
        0x60469778, 0xbe7e8ef1, 0xd712e4be, 0xf5045f1f, 0x05162463, 0xd0e8075c, 0x79cb045d, 0x3bcbf734,
        0x46dc1fb9, 0xa69dae02, 0x83c95aec, 0xa9f55f95, 0x56fddf88,
    ].map { (id: UInt32) in id.littleEndianBytes }

    private struct Snapshot<Handshake> {
        var handshake: Handshake
        let random: SeededRandom
    }

    private let now = SessionFixture.time
    private let servers: [Snapshot<ServerHandshake>]
    private let clients: [Snapshot<ClientHandshake>]

    /// Runs one exchange with a freshly generated 2048-bit server key, recording every state.
    init() throws(FuzzError) {
        let key: RSAPrivateKey
        do {
            key = try RSAPrivateKey.generate()
        } catch {
            throw .fixture("RSA key: \(error)")
        }
        let now = SessionFixture.time
        var clientRandom = SeededRandom(seed: 0xc1)
        var serverRandom = SeededRandom(seed: 0x5e)
        let configuration = ClientKeyExchangeConfiguration(publicKeys: [key.publicKey], innerData: .permanent(dc: 2))
        var (client, packet) = ClientHandshake.start(configuration: configuration, now: now, random: &clientRandom)
        var server = ServerHandshake(configuration: ServerKeyExchangeConfiguration(privateKeys: [key]))
        var servers: [Snapshot<ServerHandshake>] = []
        var clients: [Snapshot<ClientHandshake>] = []
        var seeds: [[UInt8]] = []
        do throws(KeyExchangeError) {
            for step in 0..<3 {
                servers.append(Snapshot(handshake: server, random: serverRandom))
                seeds.append([UInt8(step)] + packet)
                let answer: [UInt8]
                switch try server.receive(packet, now: now, random: &serverRandom) {
                case .send(let bytes): answer = bytes
                case .finished(let bytes, _): answer = bytes
                }
                clients.append(Snapshot(handshake: client, random: clientRandom))
                seeds.append([UInt8(3 + step)] + answer)
                switch try client.receive(answer, now: now, random: &clientRandom) {
                case .send(let next): packet = next
                case .finished: guard step == 2 else { throw .exchangeFinished }
                }
            }
        } catch {
            throw .fixture("key exchange: \(error)")
        }
        self.servers = servers
        self.clients = clients
        self.seeds = seeds
    }

    func run(_ input: [UInt8]) -> FuzzOutcome {
        guard let step = input.first else { return .rejected(kind: "empty") }
        let packet = Array(input.dropFirst())
        do throws(KeyExchangeError) {
            if step % 6 < 3 {
                var snapshot = servers[Int(step % 6)]
                var random = snapshot.random
                _ = try snapshot.handshake.receive(packet, now: now, random: &random)
            } else {
                var snapshot = clients[Int(step % 6) - 3]
                var random = snapshot.random
                _ = try snapshot.handshake.receive(packet, now: now, random: &random)
            }
            return .accepted
        } catch {
            return .rejecting(error)
        }
    }
}
