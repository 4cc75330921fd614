import TL

/// A boxed `Vector<T>` answer (e.g. `users.getUsers`), serializable like any other result.
public struct BoxedVector<Element: TLSerializable>: TLSerializable {
    /// The elements.
    public let elements: [Element]

    /// Wraps `elements`.
    public init(_ elements: [Element]) { self.elements = elements }

    public func serialize(into writer: inout TLWriter) {
        writer.writeVectorHeader(count: elements.count)
        for element in elements { element.serialize(into: &writer) }
    }
}

/// A boxed `Bool` answer (`boolTrue` / `boolFalse`).
public struct BoxedBool: TLSerializable {
    /// The value.
    public let value: Bool

    /// Wraps `value`.
    public init(_ value: Bool) { self.value = value }

    public func serialize(into writer: inout TLWriter) {
        writer.write(value ? TLBoolID.true : TLBoolID.false)
    }
}
