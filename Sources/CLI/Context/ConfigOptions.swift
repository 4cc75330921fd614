import ArgumentParser
import Jobs

/// Where the account's files are: settings, secrets and the archive, plus logging flags.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The settings file (must exist; also TGCRON_CONFIG).",
        discussion: "Unnamed, the first of ./config/settings.yaml, $XDG_CONFIG_HOME/tgcron/settings.yaml and /etc/tgcron/settings.yaml is read."))
    var config: String?

    @Option(name: .long, help: "The secrets file (KEY=value lines; default: .env beside the settings file); the process environment wins over it.")
    var env: String?

    @Option(name: .long, help: "The archive database (default: the settings' archive.database).")
    var db: String?

    @OptionGroup var log: LogOptions

    /// The files these flags and the environment point at.
    func locations(environment: [String: String]) -> ConfigLocations {
        ConfigLocations(config: config, env: env, environment: environment)
    }
}
