import TL

/// An `rpc_error` the server returned for a request, with any numeric parameter parsed out.
///
/// Telegram puts parameters into the message itself (`FLOOD_WAIT_30`, `PHONE_MIGRATE_2`,
/// `FILE_PART_3_MISSING`); `name` replaces the number with `X`, the form errors.csv lists, and
/// `value` holds the number. The listed names are constants of `RPCErrorName` (`.floodWaitX`).
public struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `error_code` (e.g. 420 for flood waits, 303 for migrations).
    public let code: Int32
    /// The `error_message` exactly as received.
    public let message: String
    /// The message with its first all-digit `_`-separated part replaced by `X` (e.g. `FLOOD_WAIT_X`).
    public let name: RPCErrorName
    /// The number that part held, or nil when the message has none (or it does not fit an `Int`).
    public let value: Int?

    /// Parses `message` of an `rpc_error` with `code`.
    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
        var parts = message.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        if let index = parts.firstIndex(where: { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) {
            value = Int(parts[index])
            parts[index] = "X"
            name = RPCErrorName(parts.joined(separator: "_"), code: code)
        } else {
            value = nil
            name = RPCErrorName(message, code: code)
        }
    }

    /// The error a server sends for `name`, with `value` in place of its `X` and the code Telegram lists
    /// for it (or `code`).
    public init(_ name: RPCErrorName, value: Int? = nil, code: Int32? = nil) {
        self.init(code: code ?? name.code, message: name.message(value: value))
    }

    /// Seconds to wait before retrying, for `FLOOD_WAIT_X`, `FLOOD_PREMIUM_WAIT_X` and `SLOWMODE_WAIT_X`.
    public var waitSeconds: Int? {
        switch name {
        case .floodWaitX, .floodPremiumWaitX, .slowmodeWaitX, .floodTestPhoneWaitX: value
        default: nil
        }
    }

    /// The data center to retry on, for `PHONE_MIGRATE_X`, `USER_MIGRATE_X`, `FILE_MIGRATE_X`,
    /// `NETWORK_MIGRATE_X` and `STATS_MIGRATE_X`.
    public var migrateToDC: Int? {
        name.rawValue.hasSuffix("_MIGRATE_X") ? value : nil
    }

    /// Code and message, as the server sent them.
    public var description: String {
        "RPC error \(code): \(message)"
    }
}
