/// What this build of tgcron is, for `--version` and the `tgcron_build_info` metric.
enum BuildInfo {
    /// The release version (semantic versioning).
    static let version = "0.9.0"
}
