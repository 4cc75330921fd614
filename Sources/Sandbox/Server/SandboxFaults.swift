import Foundation
import MTProtoNIO

/// Faults a running sandbox injects, written on the command line as `drop=7` (comma-separated pairs).
public struct SandboxFaults: Sendable, Equatable {
    /// Close a connection without answering every this many requests (per connection).
    public var dropConnectionEvery: Int?

    /// No faults.
    public init(dropConnectionEvery: Int? = nil) {
        self.dropConnectionEvery = dropConnectionEvery
    }

    /// Parses `drop=N[,…]`; an empty string means no faults.
    public init(parsing text: String) throws(SandboxFaultsError) {
        self.init()
        for pair in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw .malformed(String(pair)) }
            switch parts[0] {
            case "drop":
                guard let every = Int(parts[1]), every > 0 else { throw .invalidValue(parts[0], parts[1]) }
                dropConnectionEvery = every
            default:
                throw .unknownFault(parts[0])
            }
        }
    }

    /// The transport-level part, as `MTProtoServer` applies it.
    var serverFaults: ServerFaults {
        ServerFaults(dropConnectionEvery: dropConnectionEvery)
    }
}

/// Why a `--faults` value was refused.
public enum SandboxFaultsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A part is not `name=value`.
    case malformed(String)
    /// The fault name is not known.
    case unknownFault(String)
    /// The value does not fit the fault.
    case invalidValue(String, String)

    /// A sentence for the log.
    public var description: String {
        switch self {
        case .malformed(let part): "fault \"\(part)\" must be name=value (e.g. drop=7)"
        case .unknownFault(let name): "unknown fault \"\(name)\" (known: drop)"
        case .invalidValue(let name, let value): "fault \(name)=\(value): expected a positive whole number"
        }
    }
}
