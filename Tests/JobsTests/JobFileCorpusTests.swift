import Foundation
import XCTest
@testable import Jobs

/// Runs validation over every file in `Corpus/bad` and compares the issues with the file's
/// `# expect: line:column: message` header lines, exactly and in order; every file in
/// `Corpus/good` must validate without an issue.
final class JobFileCorpusTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static func files(in folder: String) throws -> [URL] {
        let directory = corpus.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yaml") }
            .sorted()
            .map { directory.appendingPathComponent($0) }
    }

    func testEveryBadFileReportsExactlyTheIssuesItsHeaderExpects() throws {
        let files = try Self.files(in: "bad")
        XCTAssertGreaterThanOrEqual(files.count, 30)
        for url in files {
            let name = url.lastPathComponent
            let text = try String(contentsOf: url, encoding: .utf8)
            let expected = text.split(separator: "\n")
                .filter { $0.hasPrefix("# expect: ") }
                .map { String($0.dropFirst("# expect: ".count)) }
            XCTAssertFalse(expected.isEmpty, "\(name) has no '# expect:' line")
            let report = JobFiles.parse([SourceText(file: name, text: text)])
            XCTAssertEqual(report.issues.map { "\($0.line):\($0.column): \($0.message)" }, expected, name)
            XCTAssertTrue(report.issues.allSatisfy { $0.file == name }, name)
            XCTAssertThrowsError(try report.get(), name)
        }
    }

    func testEveryGoodFileValidatesWithoutIssues() throws {
        let files = try Self.files(in: "good")
        XCTAssertFalse(files.isEmpty)
        for url in files {
            let report = JobFiles.parse([SourceText(file: url.lastPathComponent, text: try String(contentsOf: url, encoding: .utf8))])
            XCTAssertEqual(report.issues.map(\.description), [], url.lastPathComponent)
            XCTAssertFalse(report.value.isEmpty, url.lastPathComponent)
        }
    }
}
