/// Bytes of a TL value whose type the schema leaves open (`Object`, e.g. `rpc_result.result`),
/// kept verbatim for the layer above to decode once it knows the expected type.
public struct TLRawObject: Hashable, Sendable {
    /// The serialized value.
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }
}

/// A function of any type, as read by a server from the `query:!X` of a generic wrapper.
public struct TLAnyFunction: TLDecodableFunction {
    public typealias Result = TLRawObject

    /// The decoded function.
    public let function: any TLDecodableFunction
    /// Its exact bytes as received.
    public let bytes: [UInt8]

    public static var tlName: String { "Function" }
    public static var constructorID: UInt32 { 0 }

    /// Wraps a known function.
    public init(_ function: any TLDecodableFunction) {
        self.function = function
        self.bytes = function.serialized()
    }

    public init(from reader: inout TLReader) throws(TLDecodingError) {
        let start = reader.position
        let id = try reader.peekUInt32()
        guard let type = TLFunctionRegistry.lookup(id) else {
            throw .unknownConstructor(id: id, expectedType: "Function", offset: start)
        }
        try reader.enter()
        defer { reader.leave() }
        function = try type.init(from: &reader)
        bytes = reader.consumedBytes(since: start)
    }

    public func serialize(into writer: inout TLWriter) {
        function.serialize(into: &writer)
    }

    public static func decodeResult(from reader: inout TLReader) throws(TLDecodingError) -> TLRawObject {
        TLRawObject(bytes: reader.readRest())
    }

    public static func == (lhs: TLAnyFunction, rhs: TLAnyFunction) -> Bool {
        lhs.bytes == rhs.bytes
    }
}

/// Looks up decodable functions by constructor id; the generated layer registers its tables here.
public enum TLFunctionRegistry {
    /// The function type for a constructor id across the registered schemas, or `nil`.
    public static func lookup(_ id: UInt32) -> (any TLDecodableFunction.Type)? {
        Api.functionType(for: id) ?? MT.functionType(for: id)
    }
}
