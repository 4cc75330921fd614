import MTProto

/// How a sandbox DC presents itself and polices its clients.
public struct SandboxConfiguration: Sendable, Equatable {
    /// The host clients reach every DC at.
    public var host: String
    /// The TCP port of each DC (1, 2 and 3), as advertised in `help.getConfig`.
    public var dcPorts: [Int: Int]
    /// Flood budgets (`FloodPolicy.off` for benchmarks).
    public var flood: FloodPolicy
    /// Seconds a login code stays valid.
    public var codeLifetime: Int
    /// A channel difference spanning more events than this answers `channelDifferenceTooLong`.
    public var differenceTooLong: Int
    /// The probability that an `upload.getFile` expires the file's reference (`--faults fileref=RATE`):
    /// the call answers `FILE_REFERENCE_EXPIRED` and only the message fetched again carries a valid one.
    public var fileReferenceExpiry: Double = 0
    /// When set to K, the text of every message whose id is a multiple of K starts with four bytes that are
    /// not UTF-8 in `messages.getHistory` answers, as a misbehaving server could send (TL strings are bytes).
    public var invalidUTF8Every: Int?

    /// Creates a configuration; by default DCs 1, 2 and 3 listen on 127.0.0.1:10443, :10444 and :10445.
    public init(
        host: String = "127.0.0.1", dcPorts: [Int: Int] = [1: 10_443, 2: 10_444, 3: 10_445], flood: FloodPolicy = .telegramLike,
        codeLifetime: Int = 300, differenceTooLong: Int = 1_000
    ) {
        self.host = host
        self.dcPorts = dcPorts
        self.flood = flood
        self.codeLifetime = codeLifetime
        self.differenceTooLong = differenceTooLong
    }
}

/// Who is calling: the auth key the request came with and the DC that received it.
public struct SandboxCaller: Sendable, Hashable {
    /// The auth key id (login state is kept per key, as Telegram does).
    public var authKeyID: Int64
    /// The DC answering (1, 2 or 3).
    public var dc: Int

    /// Creates a caller.
    public init(authKeyID: Int64, dc: Int) {
        self.authKeyID = authKeyID
        self.dc = dc
    }
}
