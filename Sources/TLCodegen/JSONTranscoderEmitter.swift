import TLSchema

/// Emits `transcodeJSON`: reading a TL value straight into its JSON text, for the types reachable from a few
/// root types (the archive's `Message`).
///
/// The text is the one decoding the value and calling `writeJSON` gives, byte for byte, without building the
/// value: no arrays, strings or boxes are allocated for a message's entities, media or reactions. The reader
/// is checked exactly as decoding checks it (constructor ids, lengths, nesting depth); a string that is not
/// UTF-8 throws `invalidUTF8`, where a caller wanting such bytes kept turns to the schema-driven codec.
struct JSONTranscoderEmitter {
    let model: SchemaModel
    let roots: [String]

    /// The generated file's body: an extension per transcoded type and constructor struct.
    func file() throws(CodegenError) -> String {
        var out = ""
        for typeName in try reachableTypes() { out += try transcoders(of: typeName) }
        return out
    }

    /// The types whose values can occur inside a root type's values, roots included, sorted by name.
    func reachableTypes() throws(CodegenError) -> [String] {
        var seen: Set<String> = []
        var pending = roots
        while let typeName = pending.popLast() {
            guard seen.insert(typeName).inserted else { continue }
            guard let constructors = model.constructorsByType[typeName] else {
                throw CodegenError("JSON transcoding of unknown type \(typeName)")
            }
            for constructor in constructors {
                for param in constructor.params {
                    switch param.type {
                    case .flags, .conditional(_, _, .trueFlag): continue
                    case .conditional(_, _, let inner), .plain(let inner): pending += try namedTypes(in: inner)
                    }
                }
            }
        }
        return seen.sorted()
    }

    private func namedTypes(in ref: TLTypeRef) throws(CodegenError) -> [String] {
        switch ref {
        case .vector(let element, _): return try namedTypes(in: element)
        case .named(let name, let bare):
            guard bare else { return [name] }
            guard let typeName = model.typeName(of: try model.bareConstructor(name)) else {
                throw CodegenError("bare reference to \(name) builds no named type")
            }
            return [typeName]
        default: return []
        }
    }

    private func transcoders(of typeName: String) throws(CodegenError) -> String {
        let constructors = model.constructorsByType[typeName] ?? []
        let path = model.typePath(typeName)
        let signature = "(from reader: inout TLReader, into json: inout TLJSONWriter) throws(TLDecodingError)"
        var out = "\nextension \(path) {\n"
        out += "    /// Reads a boxed `\(typeName)` and writes the JSON `writeJSON` would write for it.\n"
        out += "    public static func transcodeJSON\(signature) {\n"
        if model.isSingleStruct(typeName) {
            let constructor = constructors[0]
            if constructor.id != nil {
                out += "        try reader.expectConstructor(constructorID, type: tlName)\n"
                out += "        try reader.enter()\n        defer { reader.leave() }\n"
                out += "        try transcodeJSON(bareFrom: &reader, into: &json)\n"
            } else {
                out += "        try transcodeJSON(bareFrom: &reader, into: &json)\n"
            }
            out += "    }\n\n" + (try bareTranscoder(constructor, indent: "    ")) + "}\n"
            return out
        }
        out += "        let offset = reader.position\n        let id = try reader.readUInt32()\n"
        out += "        try reader.enter()\n        defer { reader.leave() }\n        switch id {\n"
        var nested: [String] = []
        for constructor in constructors {
            guard let id = constructor.id else { continue }
            if FieldsEmitter(mapping: TypeMapping(model: model), definition: constructor).isEmpty {
                // As decoding does, a constructor without stored fields reads nothing after its id.
                out += "        case 0x\(TLName.hexID(id)): json.beginObject(\"\(constructor.name)\"); json.endObject()\n"
            } else {
                out += "        case 0x\(TLName.hexID(id)): try \(model.structPath(constructor)).transcodeJSON(bareFrom: &reader, into: &json)\n"
                nested.append("\nextension \(model.structPath(constructor)) {\n"
                              + (try bareTranscoder(constructor, indent: "    ")) + "}\n")
            }
        }
        out += "        default: throw .unknownConstructor(id: id, expectedType: tlTypeName, offset: offset)\n"
        out += "        }\n    }\n}\n"
        return out + nested.joined()
    }

    /// `transcodeJSON(bareFrom:into:)` of one constructor: its fields in schema order.
    private func bareTranscoder(_ constructor: TLDefinition, indent: String) throws(CodegenError) -> String {
        let body = indent + "    "
        var out = "\(indent)/// Reads the fields of `\(constructor.name)` and writes the JSON `writeJSON` would write.\n"
        out += "\(indent)public static func transcodeJSON(bareFrom reader: inout TLReader, into json: inout TLJSONWriter)"
        out += " throws(TLDecodingError) {\n"
        out += "\(body)json.beginObject(\"\(constructor.name)\")\n"
        for param in constructor.params {
            let key = "json.key(#\",\"\(param.name)\":\"#)"
            switch param.type {
            case .flags:
                out += "\(body)\(FlagsField.read(param.name, in: constructor))\n"
            case let .conditional(field, bit, .trueFlag):
                out += "\(body)if \(FlagsField.local(field)) & (1 << \(bit)) != 0 { \(key); json.write(true) }\n"
            case let .conditional(field, bit, inner):
                out += "\(body)if \(FlagsField.local(field)) & (1 << \(bit)) != 0 { \(key); \(try transcode(inner)) }\n"
            case .plain(let inner):
                out += "\(body)\(key); \(try transcode(inner))\n"
            }
        }
        return out + "\(body)json.endObject()\n\(indent)}\n"
    }

    /// A statement reading a value of `ref` from `reader` and writing its JSON.
    private func transcode(_ ref: TLTypeRef) throws(CodegenError) -> String {
        switch ref {
        case .scalar(let scalar):
            switch scalar {
            case .int: return "json.write(try reader.readInt32())"
            case .long: return "json.write(try reader.readInt64())"
            case .double: return "json.write(try reader.readDouble())"
            case .string: return "try json.transcodeString(from: &reader)"
            case .bytes: return "try json.transcodeBytes(from: &reader)"
            case .int128: return "json.write(try reader.readInt128())"
            case .int256: return "json.write(try reader.readInt256())"
            }
        case .bool: return "json.write(try reader.readBool())"
        case .vector(let element, let boxed):
            return "try json.transcodeVector(from: &reader, boxed: \(boxed)) { (reader: inout TLReader, json: inout TLJSONWriter) "
                + "throws(TLDecodingError) in \(try transcode(element)) }"
        case .named(let name, let bare):
            if bare || model.isBareOnlyType(name) {
                return "try \(model.structPath(try model.bareConstructor(name))).transcodeJSON(bareFrom: &reader, into: &json)"
            }
            guard model.constructorsByType[name] != nil else { throw CodegenError("reference to unknown type \(name)") }
            return "try \(model.typePath(name)).transcodeJSON(from: &reader, into: &json)"
        case .trueFlag, .generic, .genericQuery, .object:
            throw CodegenError("a field of type \(TypeMapping.tlSpelling(ref)) has no JSON form")
        }
    }
}
