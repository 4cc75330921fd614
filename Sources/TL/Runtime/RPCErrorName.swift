/// The name of an error the server sends in `rpc_error.error_message`, in the form Telegram's error list
/// (errors.csv) uses: a number inside the message stands as `X` (`FLOOD_WAIT_X` for `FLOOD_WAIT_30`).
///
/// The listed names are generated once (`RPCErrorNames.swift`, `make tl`), so the client and the sandbox
/// match and send the same constants and a typo is a compile error. Two names are equal when their text is.
public struct RPCErrorName: Hashable, Sendable, CustomStringConvertible {
    /// The name as errors.csv spells it (`CHANNEL_INVALID`, `FILE_MIGRATE_X`).
    public let rawValue: String
    /// The `error_code` Telegram sends with it (the first of errors.csv's codes; 400 when none is listed).
    public let code: Int32

    /// A name with the `error_code` it comes with.
    public init(_ rawValue: String, code: Int32) {
        self.rawValue = rawValue
        self.code = code
    }

    /// Whether the name carries a number (`_X` in its text), as `FLOOD_WAIT_X` does.
    public var hasValue: Bool {
        rawValue.split(separator: "_").contains("X")
    }

    /// The message a server sends for this name, with `value` in place of `X`.
    public func message(value: Int?) -> String {
        guard let value else { return rawValue }
        return rawValue.split(separator: "_", omittingEmptySubsequences: false)
            .map { $0 == "X" ? String(value) : String($0) }.joined(separator: "_")
    }

    public static func == (lhs: RPCErrorName, rhs: RPCErrorName) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public var description: String { rawValue }
}
