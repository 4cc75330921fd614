import TL
import TLSchema

/// Builds TL bytes for any combinator of a schema, straight from its definition, with non-trivial values.
///
/// The round-trip tests feed these bytes to the generated decoders: the schema, not the generated code,
/// decides what is on the wire, so a generator bug cannot hide behind a matching encoder.
struct SchemaSampleBuilder {
    /// Whether every `flags.N?T` optional is present, or every one absent.
    enum Optionals { case allPresent, allAbsent }

    private let byType: [String: [TLDefinition]]
    private let byName: [String: TLDefinition]
    private let minimalCost: [String: Int]
    private let simpleQuery: TLDefinition
    private var counter: Int32 = 1

    init(definitions: [TLDefinition]) {
        var byType: [String: [TLDefinition]] = [:]
        var byName: [String: TLDefinition] = [:]
        for definition in definitions where !definition.isFunction {
            if case .named(let type, _) = definition.type { byType[type, default: []].append(definition) }
            byName[definition.name] = definition
        }
        self.byType = byType
        self.byName = byName
        minimalCost = Self.minimalCosts(byType)
        simpleQuery = definitions.first { $0.isFunction && $0.params.isEmpty && $0.genericParams.isEmpty }
            ?? definitions[0]
    }

    /// Boxed bytes of constructor or function `definition`.
    mutating func bytes(for definition: TLDefinition, optionals: Optionals) -> [UInt8] {
        var writer = TLWriter()
        if let id = definition.id { writer.write(id) }
        writeFields(of: definition, optionals: optionals, depth: 0, into: &writer)
        return writer.bytes
    }

    private mutating func next() -> Int32 {
        counter &+= 1
        return counter
    }

    private mutating func writeFields(of definition: TLDefinition, optionals: Optionals, depth: Int,
                                      into writer: inout TLWriter) {
        let present = optionals == .allPresent && depth < 4
        for (index, param) in definition.params.enumerated() {
            switch param.type {
            case .flags:
                var word: UInt32 = 0
                if present {
                    for other in definition.params {
                        if case let .conditional(field, bit, _) = other.type, field == param.name { word |= 1 << UInt32(bit) }
                    }
                }
                writer.write(word)
            case .conditional(_, _, .trueFlag):
                continue
            case let .conditional(_, _, type):
                if present { write(type, optionals: optionals, depth: depth + 1, into: &writer) }
            case .plain(.scalar(.int)) where param.name == "bytes" && definition.params.dropFirst(index + 1).first?.type == .plain(.object):
                // MTProto `message`: this int is the length of the following Object body.
                writer.write(Int32(objectBody().count))
            case .plain(.object):
                writer.writeRaw(objectBody())
            case .plain(let type):
                write(type, optionals: optionals, depth: depth + 1, into: &writer)
            }
        }
    }

    /// An `Object` value: a boxed `boolTrue`.
    private func objectBody() -> [UInt8] {
        var writer = TLWriter()
        writer.write(true)
        return writer.bytes
    }

    private mutating func write(_ type: TLTypeRef, optionals: Optionals, depth: Int, into writer: inout TLWriter) {
        switch type {
        case .scalar(.int): writer.write(-next() * 1000)
        case .scalar(.long):
            let n = next()
            writer.write(n % 11 == 0 ? Int64.min : 0x1234_5678_9abc_0000 &+ Int64(n))
        case .scalar(.double):
            let n = next()
            writer.write(n % 3 == 0 ? Double(n) * 1e-9 : Double(n) + 0.25)
        case .scalar(.string):
            let n = next()
            switch n % 5 {
            case 0: writer.writeString(String(repeating: "длинная строка ✓ ", count: 20))
            case 3: writer.writeString("q\"b\\ \n\r\t \u{01}\u{1f}\u{7f} é \(n)")
            default: writer.writeString("s\(n) тест 🙂")
            }
        case .scalar(.bytes):
            let n = Int(next())
            writer.writeBytes((0..<(n % 7 == 0 ? 300 : n % 40)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ n) })
        case .scalar(.int128):
            writer.write(TLInt128(low: UInt64(next()), high: 0xfeed_beef_0000_0001))
        case .scalar(.int256):
            writer.write(TLInt256(words: (UInt64(next()), 2, 3, 0xffff_ffff_ffff_fff0)))
        case .bool: writer.write(next() % 2 == 0)
        case .trueFlag: break
        case let .vector(element, boxed):
            let count = depth > 3 ? 0 : (depth > 2 ? 1 : 2)
            if boxed { writer.writeVectorHeader(count: count) } else { writer.write(Int32(count)) }
            for _ in 0..<count { write(element, optionals: optionals, depth: depth + 1, into: &writer) }
        case let .named(name, bare):
            let candidates = byType[name] ?? []
            if bare || (candidates.count == 1 && candidates[0].id == nil) {
                if let constructor = byName[name] ?? candidates.first {
                    writeFields(of: constructor, optionals: optionals, depth: depth, into: &writer)
                }
                return
            }
            let constructor = choose(from: candidates, type: name, depth: depth)
            if let id = constructor.id { writer.write(id) }
            writeFields(of: constructor, optionals: depth > 3 ? .allAbsent : optionals, depth: depth, into: &writer)
        case .genericQuery:
            if let id = simpleQuery.id { writer.write(id) }
        case .generic, .object:
            writer.writeRaw(objectBody())
        }
    }

    /// Near the root, rotate through constructors for coverage; deeper, take the cheapest to end recursion.
    private mutating func choose(from candidates: [TLDefinition], type: String, depth: Int) -> TLDefinition {
        if depth <= 1 {
            return candidates[Int(next()) % candidates.count]
        }
        return candidates.min { cost($0) < cost($1) } ?? candidates[0]
    }

    private func cost(_ definition: TLDefinition) -> Int {
        Self.cost(definition, minimalCost)
    }

    private static func cost(_ definition: TLDefinition, _ table: [String: Int]) -> Int {
        var total = 1
        for param in definition.params {
            if case .plain(.named(let name, _)) = param.type { total += table[name] ?? 1000 }
        }
        return total
    }

    private static func minimalCosts(_ byType: [String: [TLDefinition]]) -> [String: Int] {
        var table: [String: Int] = [:]
        for _ in 0..<20 {
            for (type, constructors) in byType {
                table[type] = constructors.map { cost($0, table) }.min() ?? 1
            }
        }
        return table
    }
}
