import TL

/// Opens the takeout session tgcron archives through: `account.initTakeoutSession` asking for
/// channel messages only. `TAKEOUT_INIT_DELAY_X` (the user must confirm, or wait) becomes
/// `ClientError.takeoutDelayed(seconds:)`.
struct TakeoutStart {
    /// Where the (unwrapped) call goes.
    let invoker: any Invoker

    /// The new takeout id.
    func run() async throws -> Int64 {
        do {
            return try await invoker.invoke(Api.Account.InitTakeoutSession(messageChannels: true)).id
        } catch ClientError.rpc(let error) where error.name == .takeoutInitDelayX {
            throw ClientError.takeoutDelayed(seconds: error.value ?? 0)
        }
    }
}
