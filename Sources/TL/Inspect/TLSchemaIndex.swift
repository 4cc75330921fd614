import TLSchema

/// The schemas of the layer, indexed for schema-driven (dynamic) coding.
///
/// Names are resolved within the schema a definition comes from: MTProto's bare `message` and the API's
/// `message` constructor share a name, and so do their `Message` types.
public struct TLSchemaIndex: Sendable {
    /// A definition and the schema (by position) it belongs to.
    public struct Entry: Sendable {
        public let definition: TLDefinition
        public let schema: Int
    }

    private struct Schema: Sendable {
        var byName: [String: TLDefinition] = [:]
        var constructorsByType: [String: [TLDefinition]] = [:]
    }

    private let schemas: [Schema]
    private let byID: [UInt32: Entry]

    /// The index of the generated layer: telegram.tl (schema 0) and mtproto.tl (schema 1).
    public static let layer: TLSchemaIndex = {
        let parser = TLSchemaParser()
        // The embedded texts are the ones the generator parsed, so they parse here too.
        return TLSchemaIndex(schemas: [(try? parser.parse(TLSchemaText.api)) ?? [],
                                       (try? parser.parse(TLSchemaText.mt)) ?? []])
    }()

    /// Indexes several schemas; within one schema the first definition of a repeated name wins, and
    /// across schemas the first definition of a repeated id wins.
    public init(schemas definitionLists: [[TLDefinition]]) {
        var schemas: [Schema] = []
        var byID: [UInt32: Entry] = [:]
        for (position, definitions) in definitionLists.enumerated() {
            var schema = Schema()
            for definition in definitions {
                if let id = definition.id, byID[id] == nil { byID[id] = Entry(definition: definition, schema: position) }
                if schema.byName[definition.name] == nil { schema.byName[definition.name] = definition }
                if !definition.isFunction, case .named(let type, _) = definition.type {
                    schema.constructorsByType[type, default: []].append(definition)
                }
            }
            schemas.append(schema)
        }
        self.schemas = schemas
        self.byID = byID
    }

    /// The definition with constructor id `id`.
    public func entry(id: UInt32) -> Entry? {
        byID[id]
    }

    /// The definition named `name`, looked up first in `preferred`, then in every schema in order.
    public func entry(named name: String, preferring preferred: Int? = nil) -> Entry? {
        if let preferred, let definition = schemas[safe: preferred]?.byName[name] {
            return Entry(definition: definition, schema: preferred)
        }
        for (position, schema) in schemas.enumerated() {
            if let definition = schema.byName[name] { return Entry(definition: definition, schema: position) }
        }
        return nil
    }

    /// The constructor of a type of schema `schema` that has exactly one.
    public func onlyConstructor(ofType name: String, in schema: Int) -> TLDefinition? {
        guard let constructors = schemas[safe: schema]?.constructorsByType[name], constructors.count == 1 else {
            return nil
        }
        return constructors[0]
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
