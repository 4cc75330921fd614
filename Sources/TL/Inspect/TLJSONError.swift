/// Why bytes could not be shown as JSON, or JSON could not be turned into bytes.
public enum TLJSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not a valid value of the layer.
    case decoding(TLDecodingError)
    /// The JSON text does not parse.
    case syntax(TLJSONParser.Failure)
    /// `_` names no constructor or function of the layer.
    case unknownName(String, path: String)
    /// A required field is missing.
    case missingField(String, path: String)
    /// A field holds the wrong kind of JSON value.
    case wrongValue(expected: String, path: String)

    public var description: String {
        switch self {
        case .decoding(let error): return error.description
        case .syntax(let failure): return "invalid JSON at \(failure)"
        case let .unknownName(name, path): return "\(path): '\(name)' is not a constructor or function of layer \(TLLayer.current)"
        case let .missingField(field, path): return "\(path): missing field '\(field)'"
        case let .wrongValue(expected, path): return "\(path): expected \(expected)"
        }
    }
}
