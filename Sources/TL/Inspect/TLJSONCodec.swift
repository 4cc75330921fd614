import TLSchema

/// Converts any boxed value of the layer between TL bytes and JSON, driven by the schema alone.
///
/// JSON shape: objects carry their constructor or function name in `_`, then fields by their TL names;
/// flags words are implied by which optionals are present; `bytes`, `int128` and `int256` are hex strings;
/// a `string` that is not UTF-8 is `{"_invalid_utf8": "<hex>"}` so its exact bytes survive.
public struct TLJSONCodec: Sendable {
    let index: TLSchemaIndex

    /// A codec for `index` (by default the generated layer's schemas).
    public init(index: TLSchemaIndex = .layer) {
        self.index = index
    }

    // MARK: Bytes → JSON

    /// Decodes one boxed object or function that fills `bytes` exactly.
    public func decode(_ bytes: [UInt8]) throws(TLJSONError) -> TLJSONValue {
        var reader = TLReader(bytes)
        do {
            let value = try readBoxed(expected: nil, schema: 0, from: &reader)
            try reader.expectEnd()
            return value
        } catch {
            throw .decoding(error)
        }
    }

    private func readBoxed(expected: String?, schema: Int, from reader: inout TLReader) throws(TLDecodingError) -> TLJSONValue {
        let offset = reader.position
        let id = try reader.readUInt32()
        if id == TLBoolID.true || id == TLBoolID.false, expected == nil || expected == "Bool" {
            return .bool(id == TLBoolID.true)
        }
        guard let entry = index.entry(id: id), expected == nil || (entry.schema == schema && typeName(of: entry.definition) == expected) else {
            throw .unknownConstructor(id: id, expectedType: expected ?? "Object", offset: offset)
        }
        try reader.enter()
        defer { reader.leave() }
        return try readFields(of: entry.definition, schema: entry.schema, from: &reader)
    }

    private func typeName(of definition: TLDefinition) -> String? {
        if case .named(let name, _) = definition.type { return name }
        return nil
    }

    private func readFields(of definition: TLDefinition, schema: Int,
                            from reader: inout TLReader) throws(TLDecodingError) -> TLJSONValue {
        var pairs: [(String, TLJSONValue)] = [("_", .string(definition.name))]
        var flags: [String: UInt32] = [:]
        var lastLength: Int?
        for param in definition.params {
            switch param.type {
            case .flags:
                flags[param.name] = try reader.readUInt32()
            case let .conditional(field, bit, type):
                guard (flags[field] ?? 0) & (1 << UInt32(bit)) != 0 else { continue }
                pairs.append((param.name, type == .trueFlag ? .bool(true) : try read(type, schema: schema, from: &reader)))
            case .plain(.object):
                let count = lastLength ?? reader.remaining
                // Shown decoded when it is a whole boxed value, else as hex (e.g. an rpc_result vector).
                var sub = try reader.subReader(count: count)
                var untouched = sub
                if let value = try? readBoxed(expected: nil, schema: schema, from: &sub), sub.remaining == 0 {
                    pairs.append((param.name, value))
                } else {
                    pairs.append((param.name, .string(TLHex.encode(untouched.readRest()))))
                }
            case .plain(let type):
                let value = try read(type, schema: schema, from: &reader)
                if param.name == "bytes", case .integer(let length) = value { lastLength = Int(length) }
                pairs.append((param.name, value))
            }
        }
        return .object(pairs)
    }

    private func read(_ type: TLTypeRef, schema: Int, from reader: inout TLReader) throws(TLDecodingError) -> TLJSONValue {
        switch type {
        case .scalar(.int): return .integer(Int64(try reader.readInt32()))
        case .scalar(.long): return .integer(try reader.readInt64())
        case .scalar(.double): return .double(try reader.readDouble())
        case .scalar(.string):
            let range = try reader.readBytesRange()
            let raw = reader.bytes(in: range)
            if let text = String(validating: raw, as: UTF8.self) { return .string(text) }
            return .object([("_invalid_utf8", .string(TLHex.encode(raw)))])
        case .scalar(.bytes): return .string(TLHex.encode(try reader.readBytes()))
        case .scalar(.int128): return .string(TLHex.encode(try reader.readInt128().bytes))
        case .scalar(.int256): return .string(TLHex.encode(try reader.readInt256().bytes))
        case .bool: return .bool(try reader.readBool())
        case .trueFlag: return .bool(true)
        case let .vector(element, boxed):
            let items = boxed
                ? try reader.readVector { (r: inout TLReader) throws(TLDecodingError) in try read(element, schema: schema, from: &r) }
                : try reader.readBareVector { (r: inout TLReader) throws(TLDecodingError) in try read(element, schema: schema, from: &r) }
            return .array(items)
        case let .named(name, bare):
            if let definition = bareDefinition(name, bare: bare, schema: schema) {
                return try readFields(of: definition, schema: schema, from: &reader)
            }
            return try readBoxed(expected: name, schema: schema, from: &reader)
        case .genericQuery, .generic, .object:
            return try readBoxed(expected: nil, schema: schema, from: &reader)
        }
    }

    /// The definition a bare reference stands for (also a type whose only constructor has no id).
    private func bareDefinition(_ name: String, bare: Bool, schema: Int) -> TLDefinition? {
        if bare {
            if let entry = index.entry(named: name, preferring: schema), entry.schema == schema { return entry.definition }
            return index.onlyConstructor(ofType: name, in: schema)
        }
        if let only = index.onlyConstructor(ofType: name, in: schema), only.id == nil { return only }
        return nil
    }

    // MARK: JSON → bytes

    /// Parses JSON text and encodes it.
    public func encode(json text: String) throws(TLJSONError) -> [UInt8] {
        let value: TLJSONValue
        do {
            value = try TLJSONParser.parse(text)
        } catch {
            throw .syntax(error)
        }
        return try encode(value)
    }

    /// Encodes a JSON object (with `_`) as a boxed value.
    public func encode(_ value: TLJSONValue) throws(TLJSONError) -> [UInt8] {
        var writer = TLWriter()
        try writeBoxed(value, expected: nil, schema: 0, path: "$", into: &writer)
        return writer.bytes
    }

    private func entry(of value: TLJSONValue, schema: Int, path: String) throws(TLJSONError) -> TLSchemaIndex.Entry {
        guard case .string(let name)? = value["_"] else { throw .missingField("_", path: path) }
        guard let entry = index.entry(named: name, preferring: schema) else { throw .unknownName(name, path: path) }
        return entry
    }

    private func writeBoxed(_ value: TLJSONValue, expected: String?, schema: Int, path: String,
                            into writer: inout TLWriter) throws(TLJSONError) {
        if case .bool(let flag) = value, expected == nil || expected == "Bool" {
            writer.write(flag)
            return
        }
        let entry = try entry(of: value, schema: schema, path: path)
        if let expected, typeName(of: entry.definition) != expected || entry.schema != schema {
            throw .wrongValue(expected: "a constructor of \(expected)", path: path)
        }
        guard let id = entry.definition.id else { throw .wrongValue(expected: "a boxed constructor", path: path) }
        writer.write(id)
        try writeFields(value, of: entry.definition, schema: entry.schema, path: path, into: &writer)
    }

    private func writeFields(_ value: TLJSONValue, of definition: TLDefinition, schema: Int, path: String,
                             into writer: inout TLWriter) throws(TLJSONError) {
        guard case .object = value else { throw .wrongValue(expected: "an object", path: path) }
        for param in definition.params {
            let fieldPath = path + "." + param.name
            switch param.type {
            case .flags:
                var word: UInt32 = 0
                for other in definition.params {
                    guard case let .conditional(field, bit, type) = other.type, field == param.name else { continue }
                    let present = type == .trueFlag ? value[other.name] == .bool(true)
                        : (value[other.name] != nil && value[other.name] != .null)
                    if present { word |= 1 << UInt32(bit) }
                }
                writer.write(word)
            case .conditional(_, _, .trueFlag):
                continue
            case let .conditional(_, _, type):
                if let field = value[param.name], field != .null {
                    try write(field, as: type, schema: schema, path: fieldPath, into: &writer)
                }
            case .plain(.object):
                guard let field = value[param.name] else { throw .missingField(param.name, path: path) }
                if case .string(let hex) = field, let raw = TLHex.decode(hex) {
                    writer.writeRaw(raw)
                } else {
                    try writeBoxed(field, expected: nil, schema: schema, path: fieldPath, into: &writer)
                }
            case .plain(let type):
                guard let field = value[param.name] else { throw .missingField(param.name, path: path) }
                try write(field, as: type, schema: schema, path: fieldPath, into: &writer)
            }
        }
    }

    private func write(_ value: TLJSONValue, as type: TLTypeRef, schema: Int, path: String,
                       into writer: inout TLWriter) throws(TLJSONError) {
        switch (type, value) {
        case (.scalar(.int), .integer(let number)):
            guard let narrow = Int32(exactly: number) else { throw .wrongValue(expected: "a 32-bit integer", path: path) }
            writer.write(narrow)
        case (.scalar(.long), .integer(let number)): writer.write(number)
        case (.scalar(.double), .double(let number)): writer.write(number)
        case (.scalar(.double), .integer(let number)): writer.write(Double(number))
        case (.scalar(.string), .string(let text)): writer.writeString(text)
        case (.scalar(.string), .object):
            guard case .string(let hex)? = value["_invalid_utf8"], let raw = TLHex.decode(hex) else {
                throw .wrongValue(expected: "a string", path: path)
            }
            writer.writeBytes(raw)
        case (.scalar(.bytes), .string(let hex)):
            guard let raw = TLHex.decode(hex) else { throw .wrongValue(expected: "hex bytes", path: path) }
            writer.writeBytes(raw)
        case (.scalar(.int128), .string(let hex)):
            guard let raw = TLHex.decode(hex), let wide = TLInt128(bytes: raw) else {
                throw .wrongValue(expected: "32 hex digits", path: path)
            }
            writer.write(wide)
        case (.scalar(.int256), .string(let hex)):
            guard let raw = TLHex.decode(hex), let wide = TLInt256(bytes: raw) else {
                throw .wrongValue(expected: "64 hex digits", path: path)
            }
            writer.write(wide)
        case (.bool, .bool(let flag)): writer.write(flag)
        case let (.vector(element, boxed), .array(items)):
            if boxed { writer.writeVectorHeader(count: items.count) } else { writer.write(Int32(items.count)) }
            for (offset, item) in items.enumerated() {
                try write(item, as: element, schema: schema, path: "\(path)[\(offset)]", into: &writer)
            }
        case let (.named(name, bare), _):
            if let definition = bareDefinition(name, bare: bare, schema: schema) {
                try writeFields(value, of: definition, schema: schema, path: path, into: &writer)
            } else {
                try writeBoxed(value, expected: name, schema: schema, path: path, into: &writer)
            }
        case (.genericQuery, _), (.generic, _), (.object, _):
            try writeBoxed(value, expected: nil, schema: schema, path: path, into: &writer)
        default:
            throw .wrongValue(expected: TLJSONCodec.describe(type), path: path)
        }
    }

    private static func describe(_ type: TLTypeRef) -> String {
        switch type {
        case .scalar(let scalar): return "a TL \(scalar.rawValue)"
        case .bool: return "true or false"
        case .vector: return "an array"
        default: return "an object"
        }
    }
}
