import TLSchema

/// Swift spellings of TL types and the code that reads and writes them.
struct TypeMapping {
    let model: SchemaModel

    /// The Swift type of a value of `ref`.
    func swiftType(_ ref: TLTypeRef) throws(CodegenError) -> String {
        switch ref {
        case .scalar(let scalar):
            switch scalar {
            case .int: return "Int32"
            case .long: return "Int64"
            case .double: return "Double"
            case .string: return "String"
            case .bytes: return "[UInt8]"
            case .int128: return "TLInt128"
            case .int256: return "TLInt256"
            }
        case .bool, .trueFlag: return "Bool"
        case .vector(let element, _): return "[\(try swiftType(element))]"
        case .named(let name, let bare):
            if bare || model.isBareOnlyType(name) { return model.structPath(try model.bareConstructor(name)) }
            guard model.constructorsByType[name] != nil else {
                throw CodegenError("reference to unknown type \(name)")
            }
            return model.typePath(name)
        case .generic: return "Query.Result"
        case .genericQuery: return "Query"
        case .object: return "TLRawObject"
        }
    }

    /// A statement writing `expr` (of type `ref`) to `writer`.
    func encode(_ expr: String, _ ref: TLTypeRef, depth: Int = 0) throws(CodegenError) -> String {
        switch ref {
        case .scalar(let scalar):
            switch scalar {
            case .string: return "writer.writeString(\(expr))"
            case .bytes: return "writer.writeBytes(\(expr))"
            default: return "writer.write(\(expr))"
            }
        case .bool: return "writer.write(\(expr))"
        case .trueFlag: return ""
        case .vector(let element, let boxed):
            let item = "item\(depth)"
            let header = boxed
                ? "writer.writeVectorHeader(count: \(expr).count)"
                : "writer.write(Int32(truncatingIfNeeded: \(expr).count))"
            return "\(header); for \(item) in \(expr) { \(try encode(item, element, depth: depth + 1)) }"
        case .named(let name, let bare):
            if bare || model.isBareOnlyType(name) { return "\(expr).serializeBare(into: &writer)" }
            return "\(expr).serialize(into: &writer)"
        case .genericQuery: return "\(expr).serialize(into: &writer)"
        case .object: return "writer.writeRaw(\(expr).bytes)"
        case .generic: throw CodegenError("a generic result type cannot be a field")
        }
    }

    /// Statements writing `expr` (of type `ref`) as JSON to `json`, matching `TLJSONCodec`'s output.
    func json(_ expr: String, _ ref: TLTypeRef, depth: Int = 0) throws(CodegenError) -> String {
        switch ref {
        case .scalar, .bool: return "json.write(\(expr))"
        case .vector(let element, _):
            let (index, item) = ("index\(depth)", "item\(depth)")
            return "json.beginArray(); for (\(index), \(item)) in \(expr).enumerated() { "
                + "if \(index) > 0 { json.comma() }; \(try json(item, element, depth: depth + 1)) }; json.endArray()"
        case .named: return "\(expr).writeJSON(into: &json)"
        case .trueFlag, .generic, .genericQuery, .object:
            throw CodegenError("a field of type \(Self.tlSpelling(ref)) has no JSON form")
        }
    }

    /// An expression reading a value of `ref` from `reader`.
    func decode(_ ref: TLTypeRef, objectLength: String? = nil) throws(CodegenError) -> String {
        switch ref {
        case .scalar(let scalar):
            switch scalar {
            case .int: return "try reader.readInt32()"
            case .long: return "try reader.readInt64()"
            case .double: return "try reader.readDouble()"
            case .string: return "try reader.readString()"
            case .bytes: return "try reader.readBytes()"
            case .int128: return "try reader.readInt128()"
            case .int256: return "try reader.readInt256()"
            }
        case .bool: return "try reader.readBool()"
        case .trueFlag: throw CodegenError("a true flag has no bytes to read")
        case .vector(let element, let boxed):
            let method = boxed ? "readVector" : "readBareVector"
            return "try reader.\(method) { (reader: inout TLReader) throws(TLDecodingError) in \(try decode(element)) }"
        case .named(let name, let bare):
            if bare || model.isBareOnlyType(name) {
                return "try \(model.structPath(try model.bareConstructor(name)))(bareFrom: &reader)"
            }
            return "try \(try swiftType(ref))(from: &reader)"
        case .genericQuery: return "try Query(from: &reader)"
        case .generic: return "try Query.decodeResult(from: &reader)"
        case .object:
            if let objectLength { return "TLRawObject(bytes: try reader.readRaw(Int(\(objectLength))))" }
            return "TLRawObject(bytes: reader.readRest())"
        }
    }

    /// A TL type as written in the schema, for doc comments.
    static func tlSpelling(_ ref: TLTypeRef) -> String {
        switch ref {
        case .scalar(let scalar): return scalar.rawValue
        case .bool: return "Bool"
        case .trueFlag: return "true"
        case .vector(let element, let boxed): return (boxed ? "Vector<" : "vector<") + tlSpelling(element) + ">"
        case .named(let name, let bare): return (bare && name.first?.isUppercase == true ? "%" : "") + name
        case .generic(let name): return name
        case .genericQuery(let name): return "!" + name
        case .object: return "Object"
        }
    }

    /// A parameter's type as written in the schema.
    static func tlSpelling(_ type: TLParamType) -> String {
        switch type {
        case .flags: return "#"
        case let .conditional(field, bit, inner): return "\(field).\(bit)?\(tlSpelling(inner))"
        case .plain(let inner): return tlSpelling(inner)
        }
    }
}
