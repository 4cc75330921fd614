import MTProtoCrypto
import TL
import TLSchema

/// Builds a valid serialized sample of every constructor in the layer's schemas, walking each
/// constructor's parameters: scalars get varied values (including strings long enough for TL's
/// 0xfe length prefix), nested types get one of their constructors, vectors one or two elements.
///
/// Two samples per constructor: one with every optional field present (nested a few levels deep),
/// one with random flags. Nesting beyond `maxDepth` takes each type's simplest constructor.
struct TLSampleBuilder {
    /// Levels of nesting with full content; deeper values are kept minimal.
    private let maxDepth = 3
    /// Depth at which building gives up (a type whose every constructor needs another nested value).
    private let hardDepth = 12

    private struct Schema {
        let definitions: [TLDefinition]
        let byType: [String: [TLDefinition]]
        let byName: [String: TLDefinition]
        let simplest: [String: TLDefinition]
    }

    private let schemas: [Schema]
    private var random: SeededRandom
    private var allPresent = true

    /// A builder over telegram.tl and mtproto.tl as embedded in the TL module.
    init(seed: UInt64) {
        let parser = TLSchemaParser()
        let lists = [(try? parser.parse(TLSchemaText.api)) ?? [], (try? parser.parse(TLSchemaText.mt)) ?? []]
        schemas = lists.map { definitions in
            let constructors = definitions.filter { !$0.isFunction && $0.id != nil }
            let byType = Dictionary(grouping: constructors) { Self.typeName($0.type) ?? "" }
            return Schema(
                definitions: constructors,
                byType: byType,
                byName: Dictionary(constructors.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
                simplest: byType.compactMapValues { $0.min { Self.weight($0) < Self.weight($1) } })
        }
        random = SeededRandom(seed: seed)
    }

    /// Two samples of every constructor (Bool's excluded), boxed.
    mutating func samples() -> [[UInt8]] {
        var out: [[UInt8]] = []
        for schema in schemas.indices {
            for definition in schemas[schema].definitions where definition.type != .bool {
                for full in [true, false] {
                    allPresent = full
                    var writer = TLWriter()
                    writeConstructor(definition, boxed: true, schema: schema, depth: 0, into: &writer)
                    out.append(writer.bytes)
                }
            }
        }
        return out
    }

    private mutating func writeConstructor(_ definition: TLDefinition, boxed: Bool, schema: Int, depth: Int,
                                           into writer: inout TLWriter) {
        if boxed, let id = definition.id { writer.write(id) }
        guard depth < hardDepth else { return }
        let minimal = depth >= maxDepth
        var present: [String: Bool] = [:]
        var flags: [String: UInt32] = [:]
        for param in definition.params {
            guard case .conditional(let field, let bit, _) = param.type else { continue }
            let include = !minimal && (allPresent || random.chance(0.5))
            present[param.name] = include
            if include { flags[field, default: 0] |= UInt32(1) << UInt32(bit) }
        }
        for param in definition.params {
            switch param.type {
            case .flags:
                writer.write(flags[param.name, default: 0])
            case .conditional(_, _, let type):
                if present[param.name] == true { writeValue(type, schema: schema, depth: depth + 1, into: &writer) }
            case .plain(let type):
                writeValue(type, schema: schema, depth: depth + 1, into: &writer)
            }
        }
    }

    private mutating func writeValue(_ type: TLTypeRef, schema: Int, depth: Int, into writer: inout TLWriter) {
        switch type {
        case .scalar(let scalar):
            writeScalar(scalar, into: &writer)
        case .bool:
            writer.write(random.chance(0.5))
        case .trueFlag:
            break
        case .vector(let element, let boxed):
            let count = depth >= maxDepth ? 0 : (depth <= 1 ? 2 : 1)
            if boxed { writer.writeVectorHeader(count: count) } else { writer.write(Int32(count)) }
            for _ in 0..<count { writeValue(element, schema: schema, depth: depth + 1, into: &writer) }
        case .named(let name, let bare):
            if bare, let definition = schemas[schema].byName[name] {
                writeConstructor(definition, boxed: false, schema: schema, depth: depth, into: &writer)
            } else if let definition = pick(type: name, schema: schema, depth: depth) {
                writeConstructor(definition, boxed: !bare, schema: schema, depth: depth, into: &writer)
            }
        case .generic, .genericQuery, .object:
            // Any boxed value fits; `true` is the smallest.
            writer.write(UInt32(0x3fed_d339))
        }
    }

    private mutating func pick(type name: String, schema: Int, depth: Int) -> TLDefinition? {
        let home = schemas[schema].byType[name] != nil ? schema : (0..<schemas.count).first { schemas[$0].byType[name] != nil }
        guard let home, let constructors = schemas[home].byType[name] else { return nil }
        if depth >= maxDepth { return schemas[home].simplest[name] }
        return constructors[random.int(in: 0...constructors.count - 1)]
    }

    private mutating func writeScalar(_ scalar: TLScalar, into writer: inout TLWriter) {
        switch scalar {
        case .int: writer.write(Int32(truncatingIfNeeded: random.int(in: -2...1_000_000)))
        case .long: writer.write(Int64(bitPattern: random.next()))
        case .double: writer.write(Double(random.int(in: -1000...1000)) / 8)
        case .string: writer.writeString(Self.strings[random.int(in: 0...Self.strings.count - 1)])
        case .bytes: writer.writeBytes(random.bytes(random.chance(0.2) ? random.int(in: 254...600) : random.int(in: 0...40)))
        case .int128: writer.writeRaw(random.bytes(16))
        case .int256: writer.writeRaw(random.bytes(32))
        }
    }

    /// Strings of every TL length form: empty, short, multi-byte UTF-8, and past 253 bytes.
    private static let strings = [
        "", "a", "hello, sandbox", "Привет, мир 👋🏽", "🇺🇦🧑‍💻 entities", String(repeating: "long text ", count: 40),
    ]

    /// The name of a constructor's result type.
    private static func typeName(_ type: TLTypeRef) -> String? {
        if case .named(let name, _) = type { return name }
        return nil
    }

    /// How much nesting a constructor forces: its unconditional non-scalar parameters.
    private static func weight(_ definition: TLDefinition) -> Int {
        definition.params.reduce(0) { total, param in
            guard case .plain(let type) = param.type else { return total }
            switch type {
            case .named, .vector: return total + 1
            default: return total
            }
        }
    }
}
