import Foundation
import TLCodegen
import XCTest

/// The committed generated layer is exactly what the generator makes from ../shared/tl today.
final class GeneratedCodeFreshnessTests: XCTestCase {
    func testCommittedGeneratedCodeMatchesTheSchema() throws {
        let schema = TestSchemas.sharedSchemaDirectory
        try XCTSkipUnless(FileManager.default.fileExists(atPath: schema.appendingPathComponent("telegram.tl").path),
                          "../shared/tl is not present")
        let expected = try LayerGeneration.generate(schemaDirectory: schema)
        let directory = TestSchemas.generatedDirectory
        let committed = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".swift") }
        XCTAssertEqual(Set(committed), Set(expected.keys), "generated file set is stale: run `make tl`")
        for (name, text) in expected {
            let onDisk = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            XCTAssertTrue(onDisk == text, "\(name) is stale: run `make tl`")
        }
    }
}
