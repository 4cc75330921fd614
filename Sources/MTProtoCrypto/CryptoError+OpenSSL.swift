import COpenSSL

extension CryptoError {
    /// Builds `.openSSL` from the oldest queued OpenSSL error (then clears the queue), naming the failed call.
    static func openSSLFailure(_ operation: String) -> CryptoError {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return .openSSL(operation) }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return .openSSL("\(operation): \(text)")
    }
}
