import Foundation
import MTProtoNIO

/// Faults a running sandbox injects, written on the command line as comma-separated `name=value`
/// pairs, e.g. `drop_p=0.05,salt=10s,delay=~20ms,busy=0.01,badtime=0.02` (see `syntax`).
public struct SandboxFaults: Sendable, Equatable {
    /// Close a connection right after every this many replies (per connection).
    public var dropConnectionEvery: Int?
    /// The probability of closing a connection right after a reply.
    public var dropProbability: Double
    /// How often every live session gets a new salt.
    public var saltRotation: Duration?
    /// How long every reply is held back.
    public var replyDelay: ReplyDelay?
    /// The probability of answering a request with 500 `WORKER_BUSY_TOO_LONG_RETRY` instead of handling it.
    public var busyProbability: Double
    /// The probability of ignoring a packet with `bad_msg_notification` 16 or 17.
    public var badTimeProbability: Double
    /// The probability that an `upload.getFile` expires the file's reference (`FILE_REFERENCE_EXPIRED`).
    public var fileReferenceExpiry: Double = 0
    /// How many connections presenting an auth key get a spurious -404 ("unknown auth key") first.
    public var spuriousKeyRejections = 0

    /// The fault names `--faults` knows.
    public static let names = ["drop", "drop_p", "salt", "delay", "busy", "badtime", "fileref", "reject_key"]

    /// The notation, for help texts.
    public static let syntax = """
        comma-separated name=value: drop=K (close a connection after every K-th reply), \
        drop_p=P (close it after a reply with probability P), salt=T (rotate session salts every T, \
        e.g. 10s, 500ms, 2), delay=D (hold every reply back D; ~D for a random 0…D), \
        busy=P (answer 500 WORKER_BUSY_TOO_LONG_RETRY with probability P), \
        badtime=P (answer bad_msg_notification 16/17 with probability P), \
        fileref=P (expire a file's reference on upload.getFile with probability P); \
        reject_key=N (answer -404 "unknown auth key" to the first N connections presenting a key); \
        probabilities are 0…1 and draw from the world seed
        """

    /// No faults.
    public init(
        dropConnectionEvery: Int? = nil, dropProbability: Double = 0, saltRotation: Duration? = nil,
        replyDelay: ReplyDelay? = nil, busyProbability: Double = 0, badTimeProbability: Double = 0
    ) {
        self.dropConnectionEvery = dropConnectionEvery
        self.dropProbability = dropProbability
        self.saltRotation = saltRotation
        self.replyDelay = replyDelay
        self.busyProbability = busyProbability
        self.badTimeProbability = badTimeProbability
    }

    /// Parses `name=value[,…]`; an empty string means no faults.
    public init(parsing text: String) throws(SandboxFaultsError) {
        self.init()
        for pair in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw .malformed(String(pair)) }
            let (name, value) = (parts[0], parts[1])
            switch name {
            case "drop":
                guard let every = Int(value), every > 0 else { throw .invalidValue(name, value, .positiveCount) }
                dropConnectionEvery = every
            case "drop_p": dropProbability = try Self.probability(name, value)
            case "busy": busyProbability = try Self.probability(name, value)
            case "badtime": badTimeProbability = try Self.probability(name, value)
            case "fileref": fileReferenceExpiry = try Self.probability(name, value)
            case "reject_key":
                guard let count = Int(value), count > 0 else { throw .invalidValue(name, value, .positiveCount) }
                spuriousKeyRejections = count
            case "salt":
                let period = try Self.duration(name, value)
                guard period > .zero else { throw .invalidValue(name, value, .positiveDuration) }
                saltRotation = period
            case "delay":
                let isRandom = value.hasPrefix("~")
                replyDelay = ReplyDelay(maximum: try Self.duration(name, String(value.drop { $0 == "~" })), isRandom: isRandom)
            default:
                throw .unknownFault(name)
            }
        }
    }

    /// The transport-level part, as `MTProtoServer` applies it, drawing from `seed`.
    func serverFaults(seed: UInt64) -> ServerFaults {
        ServerFaults(
            dropConnectionEvery: dropConnectionEvery, dropProbability: dropProbability, saltRotation: saltRotation,
            badTimeProbability: badTimeProbability, replyDelay: replyDelay, spuriousKeyRejections: spuriousKeyRejections,
            seed: seed)
    }

    private static func probability(_ name: String, _ value: String) throws(SandboxFaultsError) -> Double {
        guard let probability = Double(value), (0...1).contains(probability) else {
            throw .invalidValue(name, value, .probability)
        }
        return probability
    }

    /// Reads `10s`, `500ms` or plain (possibly fractional) seconds.
    private static func duration(_ name: String, _ value: String) throws(SandboxFaultsError) -> Duration {
        let (number, scale): (Substring, Double) =
            if value.hasSuffix("ms") { (value.dropLast(2), 0.001) }
            else if value.hasSuffix("s") { (value.dropLast(), 1) }
            else { (Substring(value), 1) }
        guard let amount = Double(number), amount.isFinite, amount >= 0 else {
            throw .invalidValue(name, value, .duration)
        }
        return .milliseconds(Int64((amount * scale * 1000).rounded()))
    }
}

/// Why a `--faults` value was refused.
public enum SandboxFaultsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What a fault's value must be.
    public enum Expected: Sendable, Equatable {
        /// A whole number above zero.
        case positiveCount
        /// A number from 0 to 1.
        case probability
        /// A duration such as `10s`, `500ms` or `2`.
        case duration
        /// A duration above zero.
        case positiveDuration
    }

    /// A part is not `name=value`.
    case malformed(String)
    /// The fault name is not known.
    case unknownFault(String)
    /// The value does not fit the fault.
    case invalidValue(String, String, Expected)

    /// A sentence for the log.
    public var description: String {
        switch self {
        case .malformed(let part):
            "--faults: \"\(part)\" must be name=value (e.g. drop=7)"
        case .unknownFault(let name):
            "--faults: unknown fault '\(name)' (known: \(SandboxFaults.names.joined(separator: ", ")))"
        case .invalidValue(let name, let value, let expected):
            "--faults: \(name)=\(value): expected \(expected.phrase)"
        }
    }
}

extension SandboxFaultsError.Expected {
    /// How the error message names it.
    var phrase: String {
        switch self {
        case .positiveCount: "a positive whole number"
        case .probability: "a probability from 0 to 1"
        case .duration: "a duration such as 10s, 500ms or 2 (seconds)"
        case .positiveDuration: "a duration above zero, such as 10s or 500ms"
        }
    }
}
