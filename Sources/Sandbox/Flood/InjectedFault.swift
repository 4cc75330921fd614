import MTProto
import TL

/// An error the sandbox answers instead of serving a method, set up by tests and fault scenarios.
public struct InjectedFault: Sendable, Equatable {
    /// The TL method name it applies to (e.g. `account.initTakeoutSession`).
    public var method: String
    /// The error to answer.
    public var error: RPCError
    /// How many more calls get the error.
    public var remaining: Int

    /// Creates a fault for the next `times` calls of `method`.
    public init(method: String, error: RPCError, times: Int = 1) {
        self.method = method
        self.error = error
        self.remaining = times
    }

    /// `420 FLOOD_PREMIUM_WAIT_X`.
    public static func floodPremiumWait(_ seconds: Int, method: String, times: Int = 1) -> InjectedFault {
        InjectedFault(method: method, error: RPCError(.floodPremiumWaitX, value: seconds), times: times)
    }

    /// `420 SLOWMODE_WAIT_X`.
    public static func slowmodeWait(_ seconds: Int, method: String, times: Int = 1) -> InjectedFault {
        InjectedFault(method: method, error: RPCError(code: 420, message: "SLOWMODE_WAIT_\(seconds)"), times: times)
    }

    /// `420 TAKEOUT_INIT_DELAY_X` on `account.initTakeoutSession`.
    public static func takeoutInitDelay(_ seconds: Int, times: Int = 1) -> InjectedFault {
        InjectedFault(
            method: Api.Account.InitTakeoutSession.tlName,
            error: RPCError(code: 420, message: "TAKEOUT_INIT_DELAY_\(seconds)"), times: times)
    }
}
