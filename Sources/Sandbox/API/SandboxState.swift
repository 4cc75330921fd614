import MTProto
import MTProtoCrypto

/// Everything a sandbox server changes while serving: logins per auth key, sign-ups, takeouts,
/// flood ledger and injected faults. A plain value: the network layer keeps one and passes it in.
public struct SandboxState: Sendable {
    /// Login progress of one auth key.
    struct KeySession: Sendable {
        /// The logged-in account's phone.
        var phone: String?
        /// When it logged in (simulated unix seconds), for `revoke` events.
        var loggedInAt: Double = 0
        /// Codes sent, by phone: (phone_code_hash, sent at).
        var sentCodes: [String: (hash: String, sentAt: Double)] = [:]
        /// The phone that passed the code and still owes its 2FA password.
        var awaitingPassword: String?
        /// The SRP check offered by the last `account.getPassword`.
        var srp: (id: Int64, server: SRPServer)?
        /// The active takeout session id.
        var takeoutID: Int64?
    }

    var sessions: [Int64: KeySession] = [:]
    /// Keys that logged out: every later call answers `AUTH_KEY_UNREGISTERED`.
    var unregisteredKeys: Set<Int64> = []
    /// Accounts created with `auth.signUp`, by phone.
    var signedUp: [String: AccountSpec] = [:]
    /// Recent calls per account and method.
    public var flood = FloodLedger()
    /// Faults waiting to be answered.
    public var faults: [InjectedFault] = []
    /// How many times each file's reference expired (by photo or document id); absent means never.
    var fileReferenceEpochs: [Int64: Int] = [:]
    /// Authorizations exported by `auth.exportAuthorization` and not yet imported, by id.
    var exportedAuthorizations: [Int64: ExportedAuthorization] = [:]
    /// Private chats each account joined by invite link, by phone: channel id → when (simulated unix seconds).
    var joined: [String: [Int64: Double]] = [:]
    /// Previews of private chats granted by `chatInvitePeek`, by phone: channel id → until when.
    var peeks: [String: [Int64: Double]] = [:]
    /// Join requests awaiting approval, by phone: channel id → when sent.
    var joinRequests: [String: [Int64: Double]] = [:]
    /// Counts draws for SRP secrets, takeout ids and code hashes, so runs are reproducible.
    var drawCounter: UInt64 = 0

    /// An authorization one DC handed out for another: who, for which DC, with which bytes.
    struct ExportedAuthorization: Sendable {
        var phone: String
        var dc: Int
        var bytes: [UInt8]
    }

    /// A fresh server state.
    public init() {}

    /// Answers `fault.error` to the next `fault.remaining` calls of `fault.method`.
    public mutating func inject(_ fault: InjectedFault) {
        faults.append(fault)
    }

    /// Takes the next injected fault for `method`, if any.
    mutating func takeFault(for method: String) -> RPCError? {
        guard let index = faults.firstIndex(where: { $0.method == method && $0.remaining > 0 }) else { return nil }
        faults[index].remaining -= 1
        let error = faults[index].error
        if faults[index].remaining == 0 { faults.remove(at: index) }
        return error
    }

    /// A fresh deterministic draw stream for `purpose`.
    mutating func nextDraw(seed: UInt64, purpose: DrawPurpose) -> Draw {
        drawCounter += 1
        return Draw(seed, purpose.rawValue, drawCounter)
    }
}

/// A `RandomSource` over a `Draw`, so SRP secrets are reproducible in the sandbox.
struct DrawRandom: RandomSource {
    var draw: Draw

    mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        for index in buffer.indices { buffer[index] = UInt8(truncatingIfNeeded: draw.next()) }
    }
}
