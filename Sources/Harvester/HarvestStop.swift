import Foundation
import Governor

/// Why a run ended.
public enum HarvestStop: Sendable, Equatable, CustomStringConvertible {
    /// Everything the window asks for is archived.
    case completed
    /// A per-run cap stopped it; the next run continues from the checkpoint.
    case limitReached(LimitKind)
    /// It must wait (flood wait, budget, cool-down, run window end); the next run continues from the checkpoint.
    case deferred(Deferral)
    /// An error stopped it; the checkpoint is the last committed one.
    case failed(String)
    /// Telegram refused the account for good (banned, session revoked): no job of the account may call again
    /// until a new login.
    case accountRefused(String)

    /// A sentence for logs and the runs table.
    public var description: String {
        switch self {
        case .completed: "completed"
        case .limitReached(let limit): "stopped at the \(limit) limit"
        case .deferred(let deferral): "deferred: \(deferral)"
        case .failed(let message): "failed: \(message)"
        case .accountRefused(let reason): "stopped: \(reason); run `tgcron login`"
        }
    }
}

/// Which per-run cap was reached.
public enum LimitKind: Sendable, Equatable, CustomStringConvertible {
    /// `limits.messages`.
    case messages(Int)
    /// `limits.requests`.
    case requests(Int)
    /// `limits.duration`.
    case duration

    /// The cap as text.
    public var description: String {
        switch self {
        case .messages(let count): "messages (\(count))"
        case .requests(let count): "requests (\(count))"
        case .duration: "duration"
        }
    }
}

/// Why a run must wait.
public enum Deferral: Sendable, Equatable, CustomStringConvertible {
    /// Telegram asked to wait longer than `flood_wait_max`.
    case floodWait(seconds: Int, method: String)
    /// The rate governor declined a call of `method` (daily budget spent, cool-down, bucket empty).
    case governor(method: String, reason: DeferralReason)
    /// Admission control could not decide (the governor's state could not be read or written).
    case admissionFailed(String)
    /// The account's daily media byte budget (`bytes` on `day`, `YYYY-MM-DD` in the budget's zone) is spent.
    case mediaBudgetSpent(bytes: Int64, day: String)
    /// A takeout session may only start after this many seconds.
    case takeoutDelay(seconds: Int)
    /// The job's allowed hours ended.
    case runWindowEnded(Date)
    /// The run was asked to stop (SIGTERM, SIGINT) and stopped after its last committed page.
    case stopRequested
    /// The job's invite link needs an admin's approval, requested once; later scheduled runs check it.
    case joinRequestPending

    /// The reason as text.
    public var description: String {
        switch self {
        case .floodWait(let seconds, let method): "\(method) flood wait of \(seconds) s exceeds flood_wait_max"
        case .governor(let method, let reason): "\(method): \(reason)"
        case .admissionFailed(let failure): "admission control failed: \(failure)"
        case .mediaBudgetSpent(let bytes, let day): "the daily media byte budget (\(bytes) bytes on \(day)) is spent"
        case .takeoutDelay(let seconds): "takeout may start in \(seconds) s"
        case .runWindowEnded: "run window ended"
        case .stopRequested: "stop requested"
        case .joinRequestPending:
            "the join request sent for the invite link awaits an admin's approval (INVITE_REQUEST_SENT); "
                + "the next scheduled run checks it again"
        }
    }
}
