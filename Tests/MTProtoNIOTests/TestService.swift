import MTProto
import MTProtoNIO
import TL

/// The test server's API: a few functions with checkable answers, one error, one that never answers.
///
/// - `help.getNearestDc`: a fixed `nearestDc` (and, when `pushesUpdates`, an `updatesTooLong` update first).
/// - `upload.getFile`: `limit` bytes of `Fixtures.pattern` at `offset`.
/// - `upload.saveFilePart`: true when the bytes are the pattern at offset `file_part`.
/// - `test.useError`: `FLOOD_WAIT_3`.
/// - `help.getConfig`: never answered (until the connection closes).
struct TestService: MTProtoRequestHandler {
    /// The answer to `help.getNearestDc`.
    static let nearestDc = Api.NearestDc(country: "NL", thisDc: 2, nearestDc: 2)

    /// Whether `help.getNearestDc` pushes an update before answering.
    var pushesUpdates = false
    /// Counts requests and how many run at once.
    let gauge = ConcurrencyGauge()

    func handle(_ request: ReceivedRequest, context: RequestContext) async -> HandlerReply {
        await gauge.enter()
        let reply = await answer(request, context: context)
        await gauge.leave()
        return reply
    }

    private func answer(_ request: ReceivedRequest, context: RequestContext) async -> HandlerReply {
        guard let function = try? request.decodeFunction().function else {
            return .error(RPCError(code: 400, message: "INPUT_METHOD_INVALID"))
        }
        switch function {
        case is Api.Help.GetNearestDc:
            if pushesUpdates { await context.sendUpdate(Api.Updates.updatesTooLong.serialized()) }
            return .result(Self.nearestDc.serialized())
        case let get as Api.Upload.GetFile:
            // Yield once so that concurrent requests overlap in the handler.
            await Task.yield()
            let file = Api.Upload.File.file(.init(
                type: .filePartial, mtime: 0, bytes: Fixtures.pattern(offset: get.offset, count: Int(get.limit))))
            return .result(file.serialized())
        case let save as Api.Upload.SaveFilePart:
            var writer = TLWriter()
            writer.write(save.bytes == Fixtures.pattern(offset: Int64(save.filePart), count: save.bytes.count))
            return .result(writer.bytes)
        case is Api.Test.UseError:
            return .error(RPCError(code: 420, message: "FLOOD_WAIT_3"))
        case is Api.Help.GetConfig:
            try? await Task.sleep(for: .seconds(3600))
            return .dropConnection
        default:
            return .error(RPCError(code: 400, message: "METHOD_NOT_IN_TEST_SERVICE"))
        }
    }
}

/// Counts handled requests and the most handled at the same time.
actor ConcurrencyGauge {
    private(set) var requests = 0
    private(set) var maximumConcurrent = 0
    private var current = 0

    func enter() {
        requests += 1
        current += 1
        maximumConcurrent = max(maximumConcurrent, current)
    }

    func leave() {
        current -= 1
    }
}
