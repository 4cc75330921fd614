import TLSchema

/// A `flags:#` field of a combinator, as the generated readers handle it.
enum FlagsField {
    /// The Swift local holding the word of flags field `name` while a combinator is read or written.
    static func local(_ name: String) -> String { "_" + SwiftNames.lowerCamel(name) }

    /// Whether some field of `definition` is conditional on flags field `name`.
    static func isUsed(_ name: String, in definition: TLDefinition) -> Bool {
        definition.params.contains {
            if case .conditional(name, _, _) = $0.type { return true }
            return false
        }
    }

    /// The statement reading the word of flags field `name` of `definition` (dropped when no field uses it).
    static func read(_ name: String, in definition: TLDefinition) -> String {
        isUsed(name, in: definition) ? "let \(local(name)) = try reader.readUInt32()" : "_ = try reader.readUInt32()"
    }
}
