import ArgumentParser
import Jobs

/// Where the account's files are: settings, secrets and the archive, plus logging flags.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "The settings file.")
    var config: String = SettingsFile.defaultPath

    @Option(name: .long, help: "The secrets file (KEY=value lines); the process environment wins over it.")
    var env: String = DotEnv.defaultPath

    @Option(name: .long, help: "The archive database (default: the settings' archive.database).")
    var db: String?

    @OptionGroup var log: LogOptions
}
