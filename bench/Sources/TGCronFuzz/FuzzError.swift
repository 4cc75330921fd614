import Glibc

/// Why the fuzzer could not start or finish.
enum FuzzError: Error, CustomStringConvertible {
    /// A command-line problem, with the message to print.
    case usage(String)
    /// A file could not be opened or written.
    case io(path: String, errno: Int32)
    /// A target's fixture could not be built (e.g. the key exchange did not complete).
    case fixture(String)

    var description: String {
        switch self {
        case .usage(let message): message
        case .io(let path, let code): "\(path): \(String(cString: strerror(code)))"
        case .fixture(let message): "fixture: \(message)"
        }
    }
}

extension FuzzError {
    /// True for command-line mistakes (exit status 64, EX_USAGE).
    var isUsage: Bool {
        if case .usage = self { return true }
        return false
    }
}
