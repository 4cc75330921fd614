import Archive

/// An error the CLI reports as one clear line (`Error: …`) without the usage text, exiting non-zero.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String
    /// Why the archive is damaged, when that is the failure (so the run can alert before exiting).
    let archiveDamage: String?

    init(_ description: String) {
        self.description = description
        archiveDamage = nil
    }

    /// The failure of an archive operation.
    init(_ error: ArchiveError) {
        description = error.description
        if case .corrupt(_, let reason) = error { archiveDamage = reason } else { archiveDamage = nil }
    }
}
