import TLSchema

/// Emits the stored properties, memberwise initializer and field (de)serialization of one combinator.
struct FieldsEmitter {
    let mapping: TypeMapping
    let definition: TLDefinition

    private struct Field {
        let param: TLParam
        let property: String
        let swiftType: String
        let defaultValue: String?
    }

    private func fields() throws(CodegenError) -> [Field] {
        var out: [Field] = []
        for param in definition.params {
            let property = SwiftNames.escaped(SwiftNames.property(param.name))
            switch param.type {
            case .flags:
                continue
            case .conditional(_, _, .trueFlag):
                out.append(Field(param: param, property: property, swiftType: "Bool", defaultValue: "false"))
            case .conditional(_, _, let inner):
                out.append(Field(param: param, property: property, swiftType: try mapping.swiftType(inner) + "?",
                                 defaultValue: "nil"))
            case .plain(let inner):
                out.append(Field(param: param, property: property, swiftType: try mapping.swiftType(inner),
                                 defaultValue: nil))
            }
        }
        return out
    }

    /// Whether the combinator has no stored fields.
    var isEmpty: Bool {
        definition.params.allSatisfy { $0.type == .flags }
    }

    /// Property declarations and the public memberwise initializer.
    func declarations(indent: String) throws(CodegenError) -> String {
        let fields = try fields()
        var out = ""
        for field in fields {
            out += "\(indent)/// `\(field.param.name):\(TypeMapping.tlSpelling(field.param.type))`\n"
            out += "\(indent)public var \(field.property): \(field.swiftType)\n"
        }
        let arguments = fields.map { field in
            "\(field.property): \(field.swiftType)" + (field.defaultValue.map { " = \($0)" } ?? "")
        }
        out += "\n\(indent)/// Creates the value from its fields.\n"
        out += "\(indent)public init(\(arguments.joined(separator: ", "))) {\n"
        for field in fields { out += "\(indent)    self.\(field.property) = \(field.property)\n" }
        out += "\(indent)}\n"
        return out
    }

    /// Statements writing every field (flags words computed from the optionals).
    func serializeBody(indent: String) throws(CodegenError) -> String {
        var out = ""
        let fields = try fields()
        for param in definition.params {
            switch param.type {
            case .flags:
                let local = FlagsField.local(param.name)
                let users = fields.filter {
                    if case .conditional(param.name, _, _) = $0.param.type { return true }
                    return false
                }
                out += "\(indent)\(users.isEmpty ? "let" : "var") \(local): UInt32 = 0\n"
                for field in users {
                    guard case let .conditional(_, bit, inner) = field.param.type else { continue }
                    let test = inner == .trueFlag ? "self.\(field.property)" : "self.\(field.property) != nil"
                    out += "\(indent)if \(test) { \(local) |= 1 << \(bit) }\n"
                }
                out += "\(indent)writer.write(\(local))\n"
            case .conditional(_, _, .trueFlag):
                continue
            case .conditional(_, _, let inner):
                let property = SwiftNames.escaped(SwiftNames.property(param.name))
                out += "\(indent)if let value = self.\(property) { \(try mapping.encode("value", inner)) }\n"
            case .plain(let inner):
                let property = SwiftNames.escaped(SwiftNames.property(param.name))
                out += "\(indent)\(try mapping.encode("self.\(property)", inner))\n"
            }
        }
        return out
    }

    /// Statements writing the object as JSON: `_`, then every present field under its TL name.
    func jsonBody(indent: String) throws(CodegenError) -> String {
        var out = "\(indent)json.beginObject(\"\(definition.name)\")\n"
        for param in definition.params {
            let property = SwiftNames.escaped(SwiftNames.property(param.name))
            let key = "json.key(#\",\"\(param.name)\":\"#)"
            switch param.type {
            case .flags:
                continue
            case .conditional(_, _, .trueFlag):
                out += "\(indent)if self.\(property) { \(key); json.write(true) }\n"
            case .conditional(_, _, let inner):
                out += "\(indent)if let value = self.\(property) { \(key); \(try mapping.json("value", inner)) }\n"
            case .plain(let inner):
                out += "\(indent)\(key); \(try mapping.json("self.\(property)", inner))\n"
            }
        }
        return out + "\(indent)json.endObject()\n"
    }

    /// Statements reading every field into `self`.
    func deserializeBody(indent: String) throws(CodegenError) -> String {
        var out = ""
        var lastIntParam: String?
        for param in definition.params {
            let property = SwiftNames.escaped(SwiftNames.property(param.name))
            switch param.type {
            case .flags:
                out += "\(indent)\(FlagsField.read(param.name, in: definition))\n"
            case let .conditional(field, bit, .trueFlag):
                out += "\(indent)self.\(property) = \(FlagsField.local(field)) & (1 << \(bit)) != 0\n"
            case let .conditional(field, bit, inner):
                out += "\(indent)if \(FlagsField.local(field)) & (1 << \(bit)) != 0 { self.\(property) = \(try mapping.decode(inner)) } else { self.\(property) = nil }\n"
            case .plain(let inner):
                // MTProto's `message` gives its `Object` body's length in the preceding `bytes:int`.
                let length = inner == .object ? lastIntParam.map { "self.\($0)" } : nil
                out += "\(indent)self.\(property) = \(try mapping.decode(inner, objectLength: length))\n"
                if inner == .scalar(.int), param.name == "bytes" { lastIntParam = property }
            }
        }
        return out
    }
}
