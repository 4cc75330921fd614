import COpenSSL

/// An arbitrary-precision integer over OpenSSL's BIGNUM, for Diffie-Hellman, RSA and SRP arithmetic.
///
/// A value type: every operation returns a new number and never changes its operands. Byte forms are
/// big-endian, as MTProto transmits large numbers. Results of `-` may be negative; the `mod` family
/// always returns a value in `0 ..< modulus`.
public struct BigNum: Sendable, Comparable, CustomStringConvertible {
    private let storage: BigNumStorage

    private init(storage: BigNumStorage) {
        self.storage = storage
    }

    /// Takes ownership of a BIGNUM allocated by OpenSSL (for example by `EVP_PKEY_get_bn_param`).
    init(owning pointer: OpaquePointer) {
        storage = BigNumStorage(pointer)
    }

    /// The non-negative integer whose big-endian bytes are `bytes` (leading zeros allowed; empty is 0).
    public init(_ bytes: [UInt8]) {
        guard let pointer = BN_bin2bn(bytes, Int32(bytes.count), nil) else { BigNum.outOfMemory() }
        storage = BigNumStorage(pointer)
    }

    /// The integer `value`.
    public init(_ value: UInt64) {
        let pointer = BigNum.newPointer()
        guard BN_set_word(pointer, UInt(value)) == 1 else { BigNum.outOfMemory() }
        storage = BigNumStorage(pointer)
    }

    /// Parses a decimal string of digits, optionally preceded by `-`.
    public init(decimal: String) throws(CryptoError) {
        let digits = decimal.utf8
        let body = digits.first == UInt8(ascii: "-") ? digits.dropFirst() : digits[...]
        guard !body.isEmpty, body.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw .invalidNumber
        }
        var pointer: OpaquePointer?
        guard BN_dec2bn(&pointer, decimal) == Int32(digits.count), let parsed = pointer else {
            BN_free(pointer)
            throw .invalidNumber
        }
        storage = BigNumStorage(parsed)
    }

    /// Number of significant bits of the magnitude (0 for zero).
    public var bitCount: Int { Int(BN_num_bits(storage.pointer)) }

    /// Whether the value is zero.
    public var isZero: Bool { BN_is_zero(storage.pointer) == 1 }

    /// Whether the value is below zero.
    public var isNegative: Bool { BN_is_negative(storage.pointer) == 1 }

    /// The value as a `UInt64`, or nil when it is negative or does not fit.
    public var uint64Value: UInt64? {
        guard !isNegative, bitCount <= 64 else { return nil }
        return UInt64(BN_get_word(storage.pointer))
    }

    /// The magnitude as big-endian bytes without leading zeros (empty for zero).
    public var bytes: [UInt8] {
        let count = (bitCount + 7) / 8
        var output = [UInt8](repeating: 0, count: count)
        _ = BN_bn2bin(storage.pointer, &output)
        return output
    }

    /// The value as exactly `length` big-endian bytes, left-padded with zeros.
    /// Throws `invalidNumber` when the value is negative or needs more than `length` bytes.
    public func bytes(paddedTo length: Int) throws(CryptoError) -> [UInt8] {
        guard !isNegative, length >= 0, length <= Int(Int32.max) else { throw .invalidNumber }
        var output = [UInt8](repeating: 0, count: length)
        guard BN_bn2binpad(storage.pointer, &output, Int32(length)) == Int32(length) else { throw .invalidNumber }
        return output
    }

    /// The decimal representation.
    public var description: String {
        guard let text = BN_bn2dec(storage.pointer) else { BigNum.outOfMemory() }
        defer { CRYPTO_free(text, #fileID, #line) }
        return String(cString: text)
    }

    /// Whether the value is prime, by OpenSSL's `BN_check_prime` (Miller-Rabin with a false-positive
    /// rate below 2^-128). Values below 2 are not prime.
    public var isProbablePrime: Bool {
        BigNum.withContext { BN_check_prime(storage.pointer, $0, nil) } == 1
    }

    /// `lhs + rhs`.
    public static func + (lhs: BigNum, rhs: BigNum) -> BigNum {
        binary(lhs, rhs) { BN_add($0, $1, $2) }
    }

    /// `lhs - rhs` (negative when `rhs > lhs`).
    public static func - (lhs: BigNum, rhs: BigNum) -> BigNum {
        binary(lhs, rhs) { BN_sub($0, $1, $2) }
    }

    /// `lhs * rhs`.
    public static func * (lhs: BigNum, rhs: BigNum) -> BigNum {
        binary(lhs, rhs) { result, a, b in withContext { BN_mul(result, a, b, $0) } }
    }

    /// `lhs * 2^bits`.
    public static func << (lhs: BigNum, bits: Int32) -> BigNum {
        let result = newPointer()
        guard BN_lshift(result, lhs.storage.pointer, bits) == 1 else { outOfMemory() }
        return BigNum(storage: BigNumStorage(result))
    }

    /// `lhs / 2^bits`, rounding the magnitude down.
    public static func >> (lhs: BigNum, bits: Int32) -> BigNum {
        let result = newPointer()
        guard BN_rshift(result, lhs.storage.pointer, bits) == 1 else { outOfMemory() }
        return BigNum(storage: BigNumStorage(result))
    }

    /// `self mod modulus` in `0 ..< modulus`. Throws when the modulus is zero.
    public func mod(_ modulus: BigNum) throws(CryptoError) -> BigNum {
        let result = BigNum.newPointer()
        let ok = BigNum.withContext { BN_nnmod(result, storage.pointer, modulus.storage.pointer, $0) }
        guard ok == 1 else {
            BN_free(result)
            throw .openSSLFailure("BN_nnmod")
        }
        return BigNum(storage: BigNumStorage(result))
    }

    /// `self^exponent mod modulus`. Throws when the modulus is zero or the exponent negative.
    ///
    /// With an odd modulus (every DH, SRP and RSA modulus) the exponentiation runs in constant time,
    /// so secret exponents do not leak through timing.
    public func modExp(_ exponent: BigNum, _ modulus: BigNum) throws(CryptoError) -> BigNum {
        guard !exponent.isNegative else { throw .invalidNumber }
        let result = BigNum.newPointer()
        guard let secretExponent = BN_dup(exponent.storage.pointer) else { BigNum.outOfMemory() }
        defer { BN_clear_free(secretExponent) }
        if BN_is_odd(modulus.storage.pointer) == 1 {
            BN_set_flags(secretExponent, BN_FLG_CONSTTIME)
        }
        let ok = BigNum.withContext {
            BN_mod_exp(result, storage.pointer, secretExponent, modulus.storage.pointer, $0)
        }
        guard ok == 1 else {
            BN_free(result)
            throw .openSSLFailure("BN_mod_exp")
        }
        return BigNum(storage: BigNumStorage(result))
    }

    /// Numeric equality.
    public static func == (lhs: BigNum, rhs: BigNum) -> Bool {
        BN_cmp(lhs.storage.pointer, rhs.storage.pointer) == 0
    }

    /// Numeric order.
    public static func < (lhs: BigNum, rhs: BigNum) -> Bool {
        BN_cmp(lhs.storage.pointer, rhs.storage.pointer) < 0
    }

    private static func binary(
        _ lhs: BigNum, _ rhs: BigNum, _ operation: (OpaquePointer, OpaquePointer, OpaquePointer) -> Int32
    ) -> BigNum {
        let result = newPointer()
        guard operation(result, lhs.storage.pointer, rhs.storage.pointer) == 1 else { outOfMemory() }
        return BigNum(storage: BigNumStorage(result))
    }

    private static func newPointer() -> OpaquePointer {
        guard let pointer = BN_new() else { outOfMemory() }
        return pointer
    }

    private static func withContext<Result>(_ body: (OpaquePointer) -> Result) -> Result {
        guard let context = BN_CTX_new() else { outOfMemory() }
        defer { BN_CTX_free(context) }
        return body(context)
    }

    /// Arithmetic on valid operands fails only when OpenSSL cannot allocate memory.
    private static func outOfMemory() -> Never {
        fatalError("BigNum: OpenSSL could not allocate memory")
    }
}

/// Owns one BIGNUM, cleared and freed with the box.
///
/// `@unchecked Sendable`: the BIGNUM is written only while `BigNum` builds it, before the box is
/// shared; afterwards every use is a read through a `const BIGNUM *` parameter.
final class BigNumStorage: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        BN_clear_free(pointer)
    }
}
