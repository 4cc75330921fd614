import Foundation

extension DotEnv {
    /// A warning when the secrets file at `path` may be read or written by other users (any group or
    /// other permission bit set), nil when only its owner can, or when it cannot be examined.
    public static func permissionWarning(path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue else { return nil }
        guard mode & 0o077 != 0 else { return nil }
        return "\(path) holds secrets but its mode is \(String(mode & 0o777, radix: 8)): others may read it (chmod 600 \(path))"
    }
}
