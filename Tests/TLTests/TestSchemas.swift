import Foundation
import TL
import TLSchema

/// Locations and parsed contents of the schema files the tests use.
enum TestSchemas {
    /// The repository root, derived from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/tl` beside the repository (present in development and CI).
    static let sharedSchemaDirectory = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/tl")

    /// The committed generated layer.
    static let generatedDirectory = repositoryRoot.appendingPathComponent("Sources/TL/Generated")

    /// The Telegram API definitions as embedded in the generated layer.
    static let api: [TLDefinition] = parse(TLSchemaText.api)

    /// The MTProto service definitions as embedded in the generated layer.
    static let mtproto: [TLDefinition] = parse(TLSchemaText.mt)

    private static func parse(_ text: String) -> [TLDefinition] {
        do {
            return try TLSchemaParser().parse(text)
        } catch {
            fatalError("embedded schema does not parse: \(error)")
        }
    }
}
