import Foundation
import MTProtoCrypto
@_exported import TestSupport
import XCTest

/// Wraps a random source and keeps every draw, so a test can recover secrets such as new_nonce.
struct RecordingRandom<Base: RandomSource>: RandomSource {
    var base: Base
    private(set) var draws: [[UInt8]] = []

    init(_ base: Base) {
        self.base = base
    }

    mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        base.fill(buffer)
        draws.append(Array(buffer))
    }
}

/// One RSA key pair for all tests of a run: generating 2048-bit keys is slow.
enum TestKeys {
    static let server: RSAPrivateKey = {
        do {
            return try RSAPrivateKey.generate()
        } catch {
            fatalError("cannot generate the test RSA key: \(error)")
        }
    }()
}
