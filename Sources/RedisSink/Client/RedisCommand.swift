/// One Redis command and its arguments, each sent as a binary-safe bulk string.
public struct RedisCommand: Sendable, Equatable {
    /// The command name followed by its arguments, as bytes.
    public var arguments: [[UInt8]]

    /// `name` with `arguments`, as UTF-8 text.
    public init(_ name: String, _ arguments: [String] = []) {
        self.arguments = ([name] + arguments).map { Array($0.utf8) }
    }

    /// The command name, for error messages (never the arguments, which may hold secrets).
    public var name: String {
        arguments.first.map { String(decoding: $0, as: UTF8.self).uppercased() } ?? ""
    }
}
