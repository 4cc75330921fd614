import MTProto
import TL

extension SandboxAPI {
    /// `account.initTakeoutSession`: opens a takeout session for the caller's key (injected
    /// `TAKEOUT_INIT_DELAY_X` faults answer before this runs).
    func initTakeout(context: RequestContext, state: inout SandboxState) -> Result<any TLSerializable, RPCError> {
        var draw = state.nextDraw(seed: world.spec.seed, purpose: .takeout)
        let id = Int64(bitPattern: draw.next() | 1)
        state.sessions[context.caller.authKeyID, default: .init()].takeoutID = id
        return .success(Api.Account.Takeout(id: id))
    }

    /// `account.finishTakeoutSession`: closes the caller's takeout session.
    func finishTakeout(context: RequestContext, state: inout SandboxState) -> Result<any TLSerializable, RPCError> {
        guard state.sessions[context.caller.authKeyID]?.takeoutID != nil else { return .failure(RPCError(.takeoutInvalid)) }
        state.sessions[context.caller.authKeyID]?.takeoutID = nil
        return .success(BoxedBool(true))
    }
}
