/// Telegram's built-in server keys.
///
/// PEMs copied from tdlib/td `td/telegram/net/PublicRsaKeySharedMain.cpp`
/// (commit 0dd1934090ac2d3190628e0bb7984f350cf727d8), which lists one production key and one
/// test-DC key. Their fingerprints (-3414540481677951611 and -5595554452916591101) match grammers'
/// `key_for_fingerprint` and are checked against ../shared/vectors/rsa_pad.json by the tests.
extension RSAPublicKey {
    /// Keys of Telegram's production data centers.
    public static let telegramProduction: [RSAPublicKey] = [
        builtIn("""
            -----BEGIN RSA PUBLIC KEY-----
            MIIBCgKCAQEA6LszBcC1LGzyr992NzE0ieY+BSaOW622Aa9Bd4ZHLl+TuFQ4lo4g
            5nKaMBwK/BIb9xUfg0Q29/2mgIR6Zr9krM7HjuIcCzFvDtr+L0GQjae9H0pRB2OO
            62cECs5HKhT5DZ98K33vmWiLowc621dQuwKWSQKjWf50XYFw42h21P2KXUGyp2y/
            +aEyZ+uVgLLQbRA1dEjSDZ2iGRy12Mk5gpYc397aYp438fsJoHIgJ2lgMv5h7WY9
            t6N/byY9Nw9p21Og3AoXSL2q/2IJ1WRUhebgAdGVMlV1fkuOQoEzR7EdpqtQD9Cs
            5+bfo3Nhmcyvk5ftB0WkJ9z6bNZ7yxrP8wIDAQAB
            -----END RSA PUBLIC KEY-----
            """)
    ]

    /// The key of Telegram's test data centers.
    public static let telegramTest: RSAPublicKey = builtIn("""
        -----BEGIN RSA PUBLIC KEY-----
        MIIBCgKCAQEAyMEdY1aR+sCR3ZSJrtztKTKqigvO/vBfqACJLZtS7QMgCGXJ6XIR
        yy7mx66W0/sOFa7/1mAZtEoIokDP3ShoqF4fVNb6XeqgQfaUHd8wJpDWHcR2OFwv
        plUUI1PLTktZ9uW2WE23b+ixNwJjJGwBDJPQEQFBE+vfmH0JP503wr5INS1poWg/
        j25sIWeYPHYeOrFp/eXaqhISP6G+q2IeTaWTXpwZj4LzXq5YOpk4bYEQ6mvRq7D1
        aHWfYmlEGepfaYR8Q0YqvvhYtMte3ITnuSJs171+GDqpdKcSwHnd6FudwGO4pcCO
        j4WcDuXc2CTHgH8gFTNhp/Y8/SpDOhvn9QIDAQAB
        -----END RSA PUBLIC KEY-----
        """)

    /// Parses a PEM compiled into the binary; a failure is a defect in this file, caught by the tests.
    private static func builtIn(_ pem: String) -> RSAPublicKey {
        do {
            return try RSAPublicKey(pem: pem)
        } catch {
            fatalError("built-in Telegram RSA key does not parse: \(error)")
        }
    }
}
