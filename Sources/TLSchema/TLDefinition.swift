/// One combinator of a TL schema: a constructor (`types` section) or a function (`functions` section).
public struct TLDefinition: Sendable, Equatable {
    /// Full TL name including the namespace, e.g. `messages.getHistory`.
    public var name: String
    /// The constructor id (`#hex`); `nil` for id-less bare combinators such as MTProto's `message`.
    public var id: UInt32?
    /// Parameters in wire order, flag fields included.
    public var params: [TLParam]
    /// The declared result type (for constructors: the type they build; for functions: the answer).
    public var type: TLTypeRef
    /// Whether this definition came from a `---functions---` section.
    public var isFunction: Bool
    /// Names of `{X:Type}` generic parameters (only the generic invoke* wrappers have one).
    public var genericParams: [String]
    /// 1-based line in the schema text, for error messages.
    public var line: Int

    public init(name: String, id: UInt32?, params: [TLParam], type: TLTypeRef, isFunction: Bool,
                genericParams: [String], line: Int) {
        self.name = name
        self.id = id
        self.params = params
        self.type = type
        self.isFunction = isFunction
        self.genericParams = genericParams
        self.line = line
    }

    /// The namespace part of `name` (`messages` for `messages.getHistory`), or `nil` at the root.
    public var namespace: String? { TLName.split(name).namespace }

    /// The name without its namespace (`getHistory` for `messages.getHistory`).
    public var baseName: String { TLName.split(name).base }
}

/// One `name:Type` parameter of a combinator.
public struct TLParam: Sendable, Equatable {
    /// The parameter name as written in the schema (snake_case).
    public var name: String
    /// What is on the wire for it.
    public var type: TLParamType

    public init(name: String, type: TLParamType) {
        self.name = name
        self.type = type
    }
}

/// The wire type of a parameter.
public indirect enum TLParamType: Sendable, Equatable {
    /// `#`: a 32-bit flags word that other parameters refer to.
    case flags
    /// `flags.N?T`: present only when bit `bit` of the flags parameter `field` is set.
    /// `T` = `true` carries no bytes: the bit itself is the value.
    case conditional(field: String, bit: Int, type: TLTypeRef)
    /// An unconditional value.
    case plain(TLTypeRef)

    /// The value type, ignoring any condition (`nil` for a flags word).
    public var valueType: TLTypeRef? {
        switch self {
        case .flags: return nil
        case .conditional(_, _, let type), .plain(let type): return type
        }
    }
}

/// A reference to a TL type inside a parameter or a result.
public indirect enum TLTypeRef: Sendable, Equatable {
    /// A built-in scalar: `int`, `long`, `double`, `string`, `bytes`, `int128`, `int256`.
    case scalar(TLScalar)
    /// `Bool` (boxed boolTrue/boolFalse).
    case bool
    /// `true`: only meaningful as a flag bit.
    case trueFlag
    /// `Vector<T>` (boxed) or `vector<T>` (bare).
    case vector(TLTypeRef, boxed: Bool)
    /// A named type. `bare` is true for `%T` and for lowercase constructor names used as types.
    case named(String, bare: Bool)
    /// A generic type variable `X` (result of generic functions).
    case generic(String)
    /// `!X`: a serialized function of any type, used by generic wrappers.
    case genericQuery(String)
    /// `Object`: any boxed value (MTProto service schema only).
    case object
}

/// Built-in scalar types of TL.
public enum TLScalar: String, Sendable, Equatable, CaseIterable {
    case int, long, double, string, bytes, int128, int256
}

/// Helpers on dotted TL names.
public enum TLName {
    /// A constructor id as 8 lowercase hex digits, as the schema writes it after `#`.
    public static func hexID(_ id: UInt32) -> String {
        let digits = String(id, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Splits `ns.name` into its namespace and base name.
    public static func split(_ name: String) -> (namespace: String?, base: String) {
        guard let dot = name.lastIndex(of: ".") else { return (nil, name) }
        return (String(name[..<dot]), String(name[name.index(after: dot)...]))
    }
}
