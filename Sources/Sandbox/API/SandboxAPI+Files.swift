import MTProto
import TL

/// `upload.getFile` with Telegram's part rules (https://core.telegram.org/api/files#downloading-files):
/// `offset` and `limit` multiples of 4 KiB, `limit` at most 1 MiB and dividing 1 MiB, and no part
/// crossing a 1 MiB boundary; with `precise`, multiples of 1 KiB up to 1 MiB anywhere.
extension SandboxAPI {
    /// The largest part, and the boundary no plain part may cross.
    static let maximumPart = 1 << 20

    func getFile(_ request: Api.Upload.GetFile, phone: String, context: RequestContext, state: inout SandboxState)
        -> Result<any TLSerializable, RPCError>
    {
        if let error = Self.partError(offset: request.offset, limit: Int64(request.limit), precise: request.precise) {
            return .failure(error)
        }
        let located: (plan: MediaPlan, file: SandboxFile, reference: [UInt8])
        switch locate(request.location) {
        case .success(let value): located = value
        case .failure(let error): return .failure(error)
        }
        let (plan, file) = (located.plan, located.file)
        guard file.dc == context.caller.dc else { return .failure(RPCError(.fileMigrateX, value: file.dc)) }
        let epoch = state.fileReferenceEpochs[plan.id] ?? 0
        guard located.reference == FileID.reference(seed: world.spec.seed, fileID: plan.id, epoch: epoch) else {
            return .failure(RPCError(.fileReferenceExpired))
        }
        if configuration.fileReferenceExpiry > 0 {
            var draw = state.nextDraw(seed: world.spec.seed, purpose: .fileFault)
            if draw.chance(configuration.fileReferenceExpiry) {
                state.fileReferenceEpochs[plan.id] = epoch + 1
                return .failure(RPCError(.fileReferenceExpired))
            }
        }
        let offset = Int(request.offset)
        let count = max(0, min(Int(request.limit), file.size - offset))
        if count > 0, let budget = configuration.flood.downloadBytes,
           let wait = state.flood.admit(bytes: count, account: userID(phone: phone), now: context.now, budget: budget) {
            return .failure(RPCError(.floodPremiumWaitX, value: wait))
        }
        let type: Api.Storage.FileType = if case .photo = plan.content { .fileJpeg } else { .filePartial }
        return .success(Api.Upload.File.file(.init(
            type: type, mtime: plan.date, bytes: FileContent.bytes(key: file.key, offset: offset, count: count))))
    }

    /// What is wrong with a part's `offset` and `limit`, or nil when Telegram would serve it.
    static func partError(offset: Int64, limit: Int64, precise: Bool) -> RPCError? {
        let quantum: Int64 = precise ? 1_024 : 4_096
        let maximum = Int64(maximumPart)
        guard offset >= 0, offset % quantum == 0 else { return RPCError(.offsetInvalid) }
        guard limit > 0, limit <= maximum, limit % quantum == 0 else { return RPCError(.limitInvalid) }
        if !precise {
            guard maximum % limit == 0, offset / maximum == (offset + limit - 1) / maximum else { return RPCError(.limitInvalid) }
        }
        return nil
    }

    /// The photo size or document a location names, with the reference it carries.
    private func locate(_ location: Api.InputFileLocation) -> Result<(plan: MediaPlan, file: SandboxFile, reference: [UInt8]), RPCError> {
        let (id, accessHash, reference, thumbSize, wantsPhoto): (Int64, Int64, [UInt8], String, Bool)
        switch location {
        case .inputPhotoFileLocation(let value):
            (id, accessHash, reference, thumbSize, wantsPhoto) = (value.id, value.accessHash, value.fileReference, value.thumbSize, true)
        case .inputDocumentFileLocation(let value):
            (id, accessHash, reference, thumbSize, wantsPhoto) = (value.id, value.accessHash, value.fileReference, value.thumbSize, false)
        default:
            return .failure(RPCError(.locationInvalid))
        }
        guard let found = world.media(fileID: id), found.plan.accessHash == accessHash else { return .failure(RPCError(.fileIdInvalid)) }
        let isPhoto = if case .photo = found.plan.content { true } else { false }
        guard isPhoto == wantsPhoto else { return .failure(RPCError(.fileIdInvalid)) }
        guard let file = found.plan.file(seed: world.spec.seed, thumbSize: thumbSize) else { return .failure(RPCError(.locationInvalid)) }
        return .success((found.plan, file, reference))
    }

    /// `message` with the file reference its media has now (after expiries), as a fresh fetch returns it.
    func withCurrentReference(_ message: Api.Message, state: SandboxState) -> Api.Message {
        guard !state.fileReferenceEpochs.isEmpty, case .message(var value) = message else { return message }
        let id: Int64
        switch value.media {
        case .messageMediaPhoto(let media)?:
            guard case .photo(let photo)? = media.photo else { return message }
            id = photo.id
        case .messageMediaDocument(let media)?:
            guard case .document(let document)? = media.document else { return message }
            id = document.id
        default:
            return message
        }
        guard let epoch = state.fileReferenceEpochs[id], let found = world.media(fileID: id) else { return message }
        value.media = found.plan.media(seed: world.spec.seed, referenceEpoch: epoch)
        return .message(value)
    }
}
