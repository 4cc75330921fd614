import TL

/// The TL decoders, as the session and `tgcron tl decode` reach them: the boxed type named by the
/// first word, looked up in the registries of objects (API and MTProto) and functions, must decode
/// the whole input; the schema-driven JSON codec reads the same bytes.
struct TLTarget: FuzzTarget {
    let name = "tl"
    let seeds: [[UInt8]]
    let dictionary: [[UInt8]]
    private let json = TLJSONCodec()

    /// Constructor ids of MTProto's service messages, containers and wrappers.
    static let mtConstructorIDs: [UInt32] = [
        MT.MessageContainer.constructorID, MT.RpcResult.constructorID, MT.GzipPacked.constructorID,
        MT.MsgsAck.constructorID, MT.NewSession.constructorID, MT.RpcError.constructorID,
        MT.MsgResendReq.constructorID, MT.BadMsgNotification.BadServerSalt.constructorID,
        MT.BadMsgNotification.BadMsgNotification.constructorID, TLVectorID.boxed, TLBoolID.true, TLBoolID.false,
    ]

    /// Samples of every constructor and function that decode, plus the bodies of a recorded session.
    init() {
        var builder = TLSampleBuilder(seed: 1)
        let sessionBodies = (try? SessionTarget.messageBodies()) ?? []
        let candidates = builder.samples() + sessionBodies
        seeds = candidates.filter { Self.decode($0) }
        dictionary = Self.mtConstructorIDs.map(\.littleEndianBytes) + seeds.prefix(512).map { Array($0.prefix(4)) }
    }

    func run(_ input: [UInt8]) -> FuzzOutcome {
        _ = try? json.decode(input)
        do {
            try Self.decodeBoxed(input)
            return .accepted
        } catch {
            return .rejecting(error)
        }
    }

    /// True if `bytes` decode as the object or function their first word names.
    private static func decode(_ bytes: [UInt8]) -> Bool {
        (try? decodeBoxed(bytes)) != nil
    }

    /// Decodes `bytes` as the boxed object or function named by their first word, exactly.
    private static func decodeBoxed(_ bytes: [UInt8]) throws(TLDecodingError) {
        let id = try TLReader(bytes).peekUInt32()
        if let type = Api.objectType(for: id) ?? MT.objectType(for: id) {
            try decodeExactly(type, bytes)
        } else if TLFunctionRegistry.lookup(id) != nil {
            _ = try TLAnyFunction(bytes: bytes)
        } else {
            throw .unknownConstructor(id: id, expectedType: "Object", offset: 0)
        }
    }

    /// Decodes `bytes` as a `type` that must fill them exactly.
    private static func decodeExactly<Object: TLObject>(_ type: Object.Type, _ bytes: [UInt8]) throws(TLDecodingError) {
        _ = try Object(bytes: bytes)
    }
}
