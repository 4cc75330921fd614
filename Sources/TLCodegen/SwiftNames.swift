/// Turns TL identifiers into Swift identifiers.
enum SwiftNames {
    /// `get_history` / `getHistory` / `P_Q_inner_data` → `GetHistory` / `PQInnerData`.
    static func upperCamel(_ name: String) -> String {
        name.split(separator: "_").map { part in
            guard let first = part.first else { return "" }
            return first.uppercased() + part.dropFirst()
        }.joined()
    }

    /// `channel_id` → `channelId`; `resPQ` → `resPQ`; `P_Q_inner_data_dc` → `pqInnerDataDc`.
    static func lowerCamel(_ name: String) -> String {
        let upper = Array(upperCamel(name))
        var leading = 0
        while leading < upper.count, upper[leading].isUppercase { leading += 1 }
        if leading == 0 { return String(upper) }
        var lowered = leading
        if leading > 1, leading < upper.count, upper[leading].isLowercase { lowered = leading - 1 }
        return upper[..<lowered].map { $0.lowercased() }.joined() + String(upper[lowered...])
    }

    /// Escapes Swift keywords with backticks.
    static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do",
        "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while",
        "as", "Any", "catch", "false", "is", "nil", "super", "self", "Self", "throw", "throws", "true", "try",
        "Type", "Protocol", "some", "any",
    ]

    /// Member names the generated protocols use; a field with one of these names gets a trailing `_`.
    static let reservedMembers: Set<String> = [
        "constructorID", "tlName", "tlTypeName", "serialize", "serialized", "serializeBare", "decodeResult",
    ]

    /// The Swift property name for a TL parameter.
    static func property(_ tlName: String) -> String {
        // `self` would shadow the instance inside the memberwise initializer.
        if tlName == "self" { return "isSelf" }
        let camel = lowerCamel(tlName)
        return reservedMembers.contains(camel) ? camel + "_" : camel
    }
}
