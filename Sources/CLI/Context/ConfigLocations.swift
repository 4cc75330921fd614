import Foundation
import Jobs

/// Where a command finds its settings and secrets files.
///
/// The rule: a settings file named explicitly (`--config` or `TGCRON_CONFIG`) must exist, or the command
/// exits 78. Otherwise the first of `./config/settings.yaml`, `$XDG_CONFIG_HOME/tgcron/settings.yaml`
/// (`~/.config/tgcron/…` when unset) and `/etc/tgcron/settings.yaml` that exists is read; with none, every
/// setting keeps its default (which means Telegram itself). The secrets file is `--env` if given, else the
/// `.env` beside the settings file found (or `config/.env`); one that was not named may be absent.
struct ConfigLocations: Equatable {
    /// The environment variable naming the settings file, like `--config`.
    static let settingsVariable = "TGCRON_CONFIG"

    /// The settings file to read, nil when none was named or found.
    let settings: String?
    /// Whether `settings` was named by a flag or `TGCRON_CONFIG` (so its absence is an error).
    let settingsNamed: Bool
    /// The secrets file to read.
    let env: String
    /// Whether `env` was named by a flag (so its absence is an error).
    let envNamed: Bool
    /// The settings files looked for, in order, when none was named.
    let searched: [String]

    /// Resolves the flags against the environment and the files present.
    init(config: String?, env: String?, environment: [String: String],
         exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
        let searched = Self.searchPath(environment: environment)
        self.searched = searched
        if let named = config ?? environment[Self.settingsVariable].flatMap({ $0.isEmpty ? nil : $0 }) {
            settings = named
            settingsNamed = true
        } else {
            settings = searched.first(where: exists)
            settingsNamed = false
        }
        if let env {
            self.env = env
            envNamed = true
        } else {
            self.env = settings.map { (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent(".env") }
                ?? DotEnv.defaultPath
            envNamed = false
        }
    }

    /// The settings files looked for when none is named, in order.
    static func searchPath(environment: [String: String]) -> [String] {
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { ($0 as NSString).appendingPathComponent(".config") }
        return [SettingsFile.defaultPath]
            + (configHome.map { [($0 as NSString).appendingPathComponent("tgcron/settings.yaml")] } ?? [])
            + ["/etc/tgcron/settings.yaml"]
    }
}
