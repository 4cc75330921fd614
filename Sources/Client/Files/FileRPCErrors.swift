/// The RPC error names the download layer acts on (errors.csv spelling, `X` for the number).
enum FileRPCErrors {
    /// The file lives on DC X.
    static let fileMigrate = "FILE_MIGRATE_X"
    /// The file reference must be refreshed by fetching its message again.
    static let fileReferenceExpired = "FILE_REFERENCE_EXPIRED"
}
