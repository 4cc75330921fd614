import ArgumentParser
import Foundation
import Jobs

/// Prints configuration problems one per line (`file:line:column: message`) and exits 78 (EX_CONFIG).
enum ConfigurationFailure {
    /// Exits 78 after printing `issues`, if there are any.
    static func exitIfAny(_ issues: [ValidationIssue]) throws {
        guard !issues.isEmpty else { return }
        for issue in issues.sorted() { FileHandle.standardError.write(Data("\(issue)\n".utf8)) }
        throw ExitCode(ConfigurationError.exitCode)
    }

    /// Prints `message` (a configuration problem without a file position, such as a bad secret) and exits 78.
    static func exit(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
        throw ExitCode(ConfigurationError.exitCode)
    }
}
