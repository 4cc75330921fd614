import ArchiveLocation
import Yams

/// Decodes `config/settings.yaml`, reporting every problem; invalid values fall back to defaults so
/// that the rest can still be checked.
struct SettingsDecoder {
    let reader: NodeReader

    /// The settings in `root` (nil for an empty file, which means "all defaults").
    func settings(_ root: Node?) -> Settings {
        guard let root else { return Settings() }
        guard case .mapping = root else {
            reader.report("a settings file must be a mapping with 'telegram_client', 'archive' and 'log', "
                          + "got \(root.kindDescription)", at: root)
            return Settings()
        }
        let keys = ["telegram_client", "archive", "log", "notifications", "redis", "metrics", "media", "accounts", "runners"]
        guard let fields = Fields(root, path: "", allowed: keys, reader: reader) else { return Settings() }
        var settings = Settings(
            telegramClient: fields["telegram_client"].flatMap(telegramClient) ?? TelegramClientSettings(),
            archive: fields["archive"].flatMap(archive) ?? ArchiveSettings(),
            log: fields["log"].flatMap(log) ?? LogSettings(),
            notifications: fields["notifications"].flatMap(reader.notifications),
            redis: fields["redis"].flatMap(reader.redis),
            metrics: fields["metrics"].flatMap(reader.metrics),
            media: fields["media"].flatMap(media) ?? MediaSettings(),
            accounts: fields["accounts"].flatMap(reader.accounts) ?? []
        )
        settings.runners = fields["runners"].flatMap(runners) ?? RunnerSettings()
        return settings
    }

    private func runners(_ node: Node) -> RunnerSettings? {
        guard let fields = Fields(node, path: "runners", allowed: ["lease_ttl"], reader: reader) else { return nil }
        var settings = RunnerSettings()
        if let node = fields["lease_ttl"], let ttl = reader.duration(node, "runners.lease_ttl", allowZero: false) {
            if ttl < .seconds(1) {
                reader.report("'runners.lease_ttl' must be at least 1s, got \(node.scalar?.string ?? "\(ttl)")", at: node)
            } else {
                settings.leaseTTL = ttl
            }
        }
        return settings
    }

    private func telegramClient(_ node: Node) -> TelegramClientSettings? {
        let keys = ["api_id", "human_delay_min", "human_delay_max", "flood_wait_max", "connection_check_interval",
                    "server", "dc", "public_keys", "limits", "warmup", "rate_governor", "sandbox", "transport", "proxy"]
        guard let fields = Fields(node, path: "telegram_client", allowed: keys, reader: reader) else { return nil }
        let defaults = TelegramClientSettings()
        func duration(_ key: String) -> Duration? {
            fields[key].flatMap { reader.duration($0, fields.path(key), allowZero: key.hasPrefix("human_delay_")) }
        }
        let delayMin = duration("human_delay_min") ?? defaults.humanDelayMin
        let delayMax = duration("human_delay_max") ?? defaults.humanDelayMax
        if delayMin > delayMax, let node = fields["human_delay_max"] ?? fields["human_delay_min"] {
            reader.report("'telegram_client.human_delay_max' must not be shorter than 'telegram_client.human_delay_min'",
                          at: node)
        }
        let governed = fields["rate_governor"].flatMap { reader.boolean($0, fields.path("rate_governor")) } ?? true
        if !governed, fields["server"] == nil, fields["sandbox"] == nil, let node = fields["rate_governor"] {
            reader.report("'telegram_client.rate_governor: false' is only allowed with 'telegram_client.server' "
                          + "or 'telegram_client.sandbox' (a server you run): never against Telegram", at: node)
        }
        if fields["sandbox"] != nil, let node = fields["server"] ?? fields["public_keys"] {
            reader.report("'telegram_client.sandbox' gives the server and its key: leave out 'server' and 'public_keys'",
                          at: node)
        }
        var settings = TelegramClientSettings(
            apiID: fields["api_id"].flatMap(apiID),
            humanDelayMin: delayMin,
            humanDelayMax: delayMax,
            floodWaitMax: duration("flood_wait_max") ?? defaults.floodWaitMax,
            connectionCheckInterval: duration("connection_check_interval") ?? defaults.connectionCheckInterval,
            server: fields["server"].flatMap(server),
            dc: fields["dc"].flatMap { reader.integer($0, fields.path("dc"), minimum: 1) },
            publicKeys: fields["public_keys"].flatMap { reader.strings($0, fields.path("public_keys")) } ?? [],
            limits: fields["limits"].flatMap { reader.limits($0, path: fields.path("limits")) } ?? Limits(),
            warmup: fields["warmup"].flatMap { reader.warmup($0, path: fields.path("warmup"), bytes: true) }
        )
        settings.rateGovernor = governed
        settings.sandbox = fields["sandbox"].flatMap { reader.string($0, fields.path("sandbox")) }
        if let node = fields["proxy"], let text = reader.string(node, fields.path("proxy")) {
            do {
                settings.proxy = try ProxySetting(parsing: text)
            } catch {
                reader.report("'telegram_client.proxy' \(error)", at: node)
            }
        }
        if let node = fields["transport"], let transport = choice(node, fields.path("transport"), TransportChoice.self) {
            settings.transport = transport
        }
        return settings
    }

    private func apiID(_ node: Node) -> Int32? {
        guard let value = reader.integer(node, "telegram_client.api_id", minimum: 1) else { return nil }
        guard let id = Int32(exactly: value) else {
            reader.report("'telegram_client.api_id' must be at most \(Int32.max), got \(value)", at: node)
            return nil
        }
        return id
    }

    private func server(_ node: Node) -> ServerAddress? {
        guard let text = reader.string(node, "telegram_client.server") else { return nil }
        guard let address = ServerAddress(parsing: text) else {
            reader.report("'telegram_client.server' must be host:port with a port from 1 to 65535, got \"\(text)\"",
                          at: node)
            return nil
        }
        return address
    }

    private func archive(_ node: Node) -> ArchiveSettings? {
        guard let fields = Fields(node, path: "archive", allowed: ["database", "url"], reader: reader) else { return nil }
        let database = fields["database"].flatMap { reader.string($0, "archive.database") }
        let url = fields["url"].flatMap(postgresURL)
        if database == nil, url == nil { return nil }
        return ArchiveSettings(database: database ?? ArchiveSettings().database, url: url)
    }

    /// `archive.url`; the error never repeats the URL, which may hold a password by mistake.
    private func postgresURL(_ node: Node) -> PostgresLocation? {
        guard let text = reader.string(node, "archive.url") else { return nil }
        do {
            return try PostgresLocation(url: text)
        } catch {
            reader.report("'archive.url': \(error)", at: node)
            return nil
        }
    }

    private func media(_ node: Node) -> MediaSettings? {
        guard let fields = Fields(node, path: "media", allowed: ["root", "parallel", "max_rate"], reader: reader) else {
            return nil
        }
        let defaults = MediaSettings()
        let maxRate = fields["max_rate"].flatMap { reader.byteSize($0, "media.max_rate") }
        if maxRate == 0, let node = fields["max_rate"] {
            reader.report("'media.max_rate' must be greater than 0 bytes per second (leave it out for no cap)", at: node)
        }
        return MediaSettings(
            root: fields["root"].flatMap { reader.string($0, "media.root") },
            parallel: fields["parallel"].flatMap { reader.integer($0, "media.parallel", minimum: 1) } ?? defaults.parallel,
            maxRate: maxRate == 0 ? nil : maxRate)
    }

    private func log(_ node: Node) -> LogSettings? {
        guard let fields = Fields(node, path: "log", allowed: ["format", "level"], reader: reader) else { return nil }
        let defaults = LogSettings()
        return LogSettings(
            format: fields["format"].flatMap { choice($0, "log.format", LogFormat.self) } ?? defaults.format,
            level: fields["level"].flatMap { choice($0, "log.level", LogLevel.self) } ?? defaults.level
        )
    }

    /// One of an enumeration's raw values, with a suggestion for a misspelt one.
    private func choice<Choice: RawRepresentable & CaseIterable>(
        _ node: Node, _ path: String, _ type: Choice.Type
    ) -> Choice? where Choice.RawValue == String {
        guard let text = reader.string(node, path) else { return nil }
        if let value = Choice(rawValue: text.lowercased()) { return value }
        let names = Choice.allCases.map(\.rawValue)
        let hint = Suggestion.closest(to: text, among: names).map { " (did you mean '\($0)'?)" }
            ?? " (use \(names.joined(separator: ", ")))"
        reader.report("'\(path)' cannot be '\(text)'\(hint)", at: node)
        return nil
    }
}
