/// A value that can be written in its boxed TL form (constructor id first).
public protocol TLSerializable: Sendable {
    /// Appends the boxed serialization of `self`.
    func serialize(into writer: inout TLWriter)
}

/// A value that can be read from its boxed TL form.
public protocol TLDeserializable: Sendable {
    /// Reads a boxed value; throws if the constructor id does not belong to this type.
    init(from reader: inout TLReader) throws(TLDecodingError)
}

/// A TL type of the layer: boxed read and write, value equality.
public protocol TLObject: TLSerializable, TLDeserializable, Equatable {
    /// The TL type name, e.g. `messages.Messages`.
    static var tlTypeName: String { get }
}

/// A combinator's fields, readable and writable without a constructor id (bare, `%T`).
public protocol TLBareValue: Sendable, Equatable {
    /// Appends the fields without the constructor id.
    func serializeBare(into writer: inout TLWriter)
    /// Reads the fields without the constructor id.
    init(bareFrom reader: inout TLReader) throws(TLDecodingError)
}

/// A single constructor's payload: boxed as its id followed by its bare fields.
public protocol TLConstructor: TLObject, TLBareValue {
    /// The constructor id.
    static var constructorID: UInt32 { get }
    /// The constructor's TL name, e.g. `messages.channelMessages`.
    static var tlName: String { get }
}

extension TLConstructor {
    public func serialize(into writer: inout TLWriter) {
        writer.write(Self.constructorID)
        serializeBare(into: &writer)
    }

    public init(from reader: inout TLReader) throws(TLDecodingError) {
        try reader.expectConstructor(Self.constructorID, type: Self.tlName)
        try reader.enter()
        defer { reader.leave() }
        try self.init(bareFrom: &reader)
    }
}

/// An RPC function of the layer: a request whose answer has type `Result`.
public protocol TLFunction: TLSerializable {
    /// The Swift type of the answer.
    associatedtype Result: Sendable
    /// The function's TL name, e.g. `messages.getHistory`.
    static var tlName: String { get }
    /// The function's constructor id.
    static var constructorID: UInt32 { get }
    /// Reads the answer carried by `rpc_result`.
    static func decodeResult(from reader: inout TLReader) throws(TLDecodingError) -> Result
}

/// A function that can also be read back from bytes (the server side, e.g. the sandbox).
public protocol TLDecodableFunction: TLFunction, TLDeserializable, Equatable {}

extension TLSerializable {
    /// The boxed serialization of `self` as a new byte array.
    public func serialized() -> [UInt8] {
        var writer = TLWriter()
        serialize(into: &writer)
        return writer.bytes
    }
}

extension TLDeserializable {
    /// Reads a value that must fill `bytes` exactly.
    public init(bytes: [UInt8]) throws(TLDecodingError) {
        var reader = TLReader(bytes)
        try self.init(from: &reader)
        try reader.expectEnd()
    }
}
