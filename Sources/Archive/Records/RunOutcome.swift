import Foundation

/// What a finished run reports to `ArchiveStore.finishRun`.
public struct RunOutcome: Equatable, Sendable {
    /// How the run ended (not `.running`).
    public var status: RunStatus
    /// When it ended.
    public var endedAt: Date
    /// Messages archived for the first time.
    public var messagesNew: Int
    /// Archived messages whose row changed.
    public var messagesUpdated: Int
    /// API requests made.
    public var requests: Int
    /// FLOOD_WAIT answers received.
    public var floodWaits: Int
    /// Why the governor deferred the run.
    public var deferralReason: String?
    /// The error that stopped the run.
    public var error: String?

    /// An outcome.
    public init(status: RunStatus, endedAt: Date, messagesNew: Int = 0, messagesUpdated: Int = 0, requests: Int = 0,
                floodWaits: Int = 0, deferralReason: String? = nil, error: String? = nil) {
        self.status = status
        self.endedAt = endedAt
        self.messagesNew = messagesNew
        self.messagesUpdated = messagesUpdated
        self.requests = requests
        self.floodWaits = floodWaits
        self.deferralReason = deferralReason
        self.error = error
    }
}
