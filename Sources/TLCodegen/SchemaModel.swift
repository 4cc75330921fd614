import TLSchema

/// A failure while turning a schema into Swift.
public struct CodegenError: Error, CustomStringConvertible, Sendable {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// One schema (Telegram API or MTProto service) indexed for code generation under a Swift namespace.
struct SchemaModel {
    /// The Swift namespace enum, `Api` or `MT`.
    let root: String
    let constructors: [TLDefinition]
    let functions: [TLDefinition]
    /// Type names in first-seen order, excluding `Bool` (mapped to Swift's `Bool`).
    let typeNames: [String]
    let constructorsByType: [String: [TLDefinition]]
    let constructorsByName: [String: TLDefinition]

    init(root: String, definitions: [TLDefinition]) throws(CodegenError) {
        self.root = root
        constructors = definitions.filter { !$0.isFunction }
        functions = definitions.filter { $0.isFunction }
        var order: [String] = []
        var byType: [String: [TLDefinition]] = [:]
        var byName: [String: TLDefinition] = [:]
        for constructor in constructors {
            let typeName: String
            switch constructor.type {
            case .named(let name, _): typeName = name
            case .object: typeName = Self.objectTypeName
            case .bool: continue
            default:
                throw CodegenError("line \(constructor.line): constructor \(constructor.name) builds a non-named type")
            }
            if byName[constructor.name] != nil {
                throw CodegenError("line \(constructor.line): constructor \(constructor.name) is defined twice")
            }
            byName[constructor.name] = constructor
            if byType[typeName] == nil { order.append(typeName) }
            byType[typeName, default: []].append(constructor)
        }
        typeNames = order
        constructorsByType = byType
        constructorsByName = byName
    }

    /// Name used for constructors that build `Object` (only MTProto's `gzip_packed`).
    static let objectTypeName = "Object"

    /// Swift names for types whose TL name would mislead: `Object` holds only `gzip_packed`.
    static let renamedTypes = ["Object": "GzipPacked"]

    /// The TL type a constructor builds, with `Object` named.
    func typeName(of constructor: TLDefinition) -> String? {
        switch constructor.type {
        case .named(let name, _): return name
        case .object: return Self.objectTypeName
        default: return nil
        }
    }

    /// The type's constructors are emitted as one struct at the type's own path.
    func isSingleStruct(_ typeName: String) -> Bool {
        (constructorsByType[typeName]?.count ?? 0) == 1
    }

    /// Swift path of the container for a TL namespace (`Api` for the root, `Api.Messages` for `messages`).
    func containerPath(_ namespace: String?) -> String {
        guard let namespace else { return root }
        return root + "." + namespace.split(separator: ".").map { SwiftNames.upperCamel(String($0)) }.joined(separator: ".")
    }

    /// Swift path of a TL type.
    func typePath(_ typeName: String) -> String {
        let (namespace, base) = TLName.split(typeName)
        return containerPath(namespace) + "." + (Self.renamedTypes[typeName] ?? SwiftNames.upperCamel(base))
    }

    /// Swift path of the struct holding a constructor's fields.
    func structPath(_ constructor: TLDefinition) -> String {
        guard let typeName = typeName(of: constructor) else { return root }
        if isSingleStruct(typeName) { return typePath(typeName) }
        return typePath(typeName) + "." + SwiftNames.upperCamel(constructor.baseName)
    }

    /// The enum case name of a constructor inside its type.
    func caseName(_ constructor: TLDefinition) -> String {
        SwiftNames.lowerCamel(constructor.baseName)
    }

    /// Swift path of a function's request struct; `Request` is appended where a type already has the name
    /// (MTProto's `rpc_drop_answer` function and `RpcDropAnswer` type).
    func functionPath(_ function: TLDefinition) -> String {
        let path = containerPath(function.namespace) + "." + SwiftNames.upperCamel(function.baseName)
        let clashes = typeNames.contains { typePath($0) == path }
        return clashes ? path + "Request" : path
    }

    /// Namespaces that need a container, with whether a root type of the same Swift name already provides it.
    func namespaces() -> [(name: String, providedByType: Bool)] {
        var seen: [String] = []
        for definition in constructors + functions {
            if let namespace = definition.namespace, !seen.contains(namespace) { seen.append(namespace) }
        }
        for typeName in typeNames {
            if let namespace = TLName.split(typeName).namespace, !seen.contains(namespace) { seen.append(namespace) }
        }
        let rootTypes = Set(typeNames.filter { TLName.split($0).namespace == nil }.map { SwiftNames.upperCamel($0) })
        return seen.sorted().map { ($0, rootTypes.contains(SwiftNames.upperCamel($0))) }
    }

    /// The constructor a bare reference (`%T`, `vector<t>`) stands for.
    func bareConstructor(_ name: String) throws(CodegenError) -> TLDefinition {
        if let constructor = constructorsByName[name] { return constructor }
        if let only = constructorsByType[name], only.count == 1 { return only[0] }
        throw CodegenError("bare reference to '\(name)', which is neither a constructor nor a single-constructor type")
    }

    /// A boxed reference to `typeName` must be written bare (its only constructor has no id).
    func isBareOnlyType(_ typeName: String) -> Bool {
        guard let only = constructorsByType[typeName], only.count == 1 else { return false }
        return only[0].id == nil
    }

    /// Checks that no two generated declarations share a Swift path or case name.
    func checkCollisions() throws(CodegenError) {
        var paths: [String: String] = [:]
        func claim(_ path: String, _ what: String) throws(CodegenError) {
            if let other = paths[path] {
                throw CodegenError("Swift name \(path) is used by both \(other) and \(what)")
            }
            paths[path] = what
        }
        for (namespace, provided) in namespaces() where !provided {
            try claim(containerPath(namespace), "namespace \(namespace)")
        }
        for typeName in typeNames {
            try claim(typePath(typeName), "type \(typeName)")
            guard !isSingleStruct(typeName), let members = constructorsByType[typeName] else { continue }
            var cases: Set<String> = []
            for constructor in members {
                try claim(structPath(constructor), "constructor \(constructor.name)")
                if !cases.insert(caseName(constructor)).inserted {
                    throw CodegenError("case name \(caseName(constructor)) repeats in type \(typeName)")
                }
            }
        }
        for function in functions {
            try claim(functionPath(function), "function \(function.name)")
        }
    }
}
