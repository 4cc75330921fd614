import Foundation
import XCTest

/// A fresh directory under the system's temporary directory (an archive, a job file, a media store in it),
/// the one way the test suites make one.
public struct TemporaryDirectory: Sendable {
    /// Where it is.
    public let url: URL

    /// Creates `<tmp>/<prefix>-<uuid>`.
    public init(prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside it.
    public func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// The path of the archive tests open in it.
    public var archivePath: String { path("archive.sqlite") }

    /// Removes it and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

extension XCTestCase {
    /// A fresh temporary directory, removed when the test ends.
    public func temporaryDirectory(prefix: String) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: prefix)
        addTeardownBlock { directory.remove() }
        return directory
    }
}
