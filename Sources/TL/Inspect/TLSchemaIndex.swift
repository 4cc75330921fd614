import TLSchema

/// Both schemas of the layer, indexed by constructor id and name, for schema-driven (dynamic) coding.
public struct TLSchemaIndex: Sendable {
    /// Definitions by constructor id (constructors and functions).
    public let byID: [UInt32: TLDefinition]
    /// Definitions by TL name.
    public let byName: [String: TLDefinition]

    /// The index of the generated layer's own schemas (telegram.tl and mtproto.tl).
    public static let layer: TLSchemaIndex = {
        let parser = TLSchemaParser()
        // The embedded texts are the ones the generator parsed, so they parse here too.
        let definitions = ((try? parser.parse(TLSchemaText.api)) ?? []) + ((try? parser.parse(TLSchemaText.mt)) ?? [])
        return TLSchemaIndex(definitions: definitions)
    }()

    /// Constructors by the type they build.
    let constructorsByType: [String: [TLDefinition]]

    /// Indexes `definitions`; the first definition of a repeated id or name wins.
    public init(definitions: [TLDefinition]) {
        var byID: [UInt32: TLDefinition] = [:]
        var byName: [String: TLDefinition] = [:]
        var byType: [String: [TLDefinition]] = [:]
        for definition in definitions {
            if let id = definition.id, byID[id] == nil { byID[id] = definition }
            if byName[definition.name] == nil { byName[definition.name] = definition }
            if !definition.isFunction, case .named(let type, _) = definition.type { byType[type, default: []].append(definition) }
        }
        self.byID = byID
        self.byName = byName
        constructorsByType = byType
    }

    /// The constructor of a type that has exactly one.
    func onlyConstructor(ofType name: String) -> TLDefinition? {
        guard let constructors = constructorsByType[name], constructors.count == 1 else { return nil }
        return constructors[0]
    }
}
