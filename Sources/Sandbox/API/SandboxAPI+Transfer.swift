import MTProto
import TL

/// Moving a login to another DC (https://core.telegram.org/api/datacenter#authorization-transfer): the
/// home DC exports an authorization for DC X, and DC X logs in every key that imports it.
extension SandboxAPI {
    func exportAuthorization(_ request: Api.Auth.ExportAuthorization, phone: String, context: RequestContext, state: inout SandboxState)
        -> Result<any TLSerializable, RPCError>
    {
        let dc = Int(request.dcId)
        guard dc != context.caller.dc, configuration.dcPorts[dc] != nil else { return .failure(RPCError(.dcIdInvalid)) }
        var draw = state.nextDraw(seed: world.spec.seed, purpose: .exportedAuthorization)
        let id = Int64(bitPattern: draw.next())
        let bytes = (0..<32).map { _ in UInt8(truncatingIfNeeded: draw.next()) }
        state.exportedAuthorizations[id] = .init(phone: phone, dc: dc, bytes: bytes)
        return .success(Api.Auth.ExportedAuthorization(id: id, bytes: bytes))
    }

    func importAuthorization(_ request: Api.Auth.ImportAuthorization, context: RequestContext, state: inout SandboxState)
        -> Result<any TLSerializable, RPCError>
    {
        guard let exported = state.exportedAuthorizations[request.id], exported.bytes == request.bytes,
              exported.dc == context.caller.dc, let account = account(phone: exported.phone, state: state) else {
            return .failure(RPCError(.authBytesInvalid))
        }
        // Not consumed: a client may send the import again (after bad_server_salt on its new connection,
        // or on another connection to the same DC), and each time it logs that key in.
        return .success(authorize(account, context: context, state: &state))
    }
}
