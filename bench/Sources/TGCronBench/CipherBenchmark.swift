import MTProtoCrypto

/// MTProto 2.0 packet encryption + decryption throughput for a 64 KB payload.
enum CipherBenchmark {
    static func run() throws -> String {
        let authKey = try AuthKey((0..<256).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        var random = SystemRandom()
        var plaintext = (0..<65_536).map { UInt8(truncatingIfNeeded: $0) }
        plaintext += MessageCipher.padding(forLength: plaintext.count, random: &random)
        let rounds = 40
        let seconds = try medianSeconds {
            for _ in 0..<rounds {
                let packet = try MessageCipher.encrypt(plaintext: plaintext, authKey: authKey, side: .client)
                _ = try MessageCipher.decrypt(packet: packet, authKey: authKey, side: .client)
            }
        }
        let megabytes = Double(plaintext.count * rounds) / 1_048_576
        return "| MTProto 2.0 encrypt + decrypt, 64 KB payload | \(grouped(megabytes / seconds)) MB/s |"
    }
}
