import TL

extension TLJSONValue {
    /// The constructor name (`_`) of an object.
    var constructorName: String? {
        if case .string(let name)? = self["_"] { return name }
        return nil
    }

    /// Compact JSON text.
    var compactText: String { text(pretty: false) }
}
