import Foundation
import Yams

extension NodeReader {
    /// A `notifications:` block; it needs `bot_chat_id` or `webhook_url`, or it would notify nobody.
    func notifications(_ node: Node) -> NotificationSettings? {
        let keys = ["bot_chat_id", "bot_api_url", "webhook_url", "deferrals_threshold", "flood_wait_threshold",
                    "min_interval"]
        guard let fields = Fields(node, path: "notifications", allowed: keys, reader: self) else { return nil }
        let defaults = NotificationSettings()
        if fields["bot_chat_id"] == nil, fields["webhook_url"] == nil, fields.suggested.isDisjoint(with: ["bot_chat_id", "webhook_url"]) {
            report("'notifications' needs 'bot_chat_id' or 'webhook_url'", at: node)
        }
        func duration(_ key: String) -> Duration? {
            fields[key].flatMap { self.duration($0, fields.path(key), allowZero: key == "min_interval") }
        }
        return NotificationSettings(
            botChatID: fields["bot_chat_id"].flatMap { string($0, fields.path("bot_chat_id")) },
            botAPIURL: fields["bot_api_url"].flatMap { httpURL($0, fields.path("bot_api_url")) } ?? defaults.botAPIURL,
            webhookURL: fields["webhook_url"].flatMap { httpURL($0, fields.path("webhook_url")) },
            deferralsThreshold: fields["deferrals_threshold"]
                .flatMap { integer($0, fields.path("deferrals_threshold"), minimum: 1) } ?? defaults.deferralsThreshold,
            floodWaitThreshold: duration("flood_wait_threshold") ?? defaults.floodWaitThreshold,
            minInterval: duration("min_interval") ?? defaults.minInterval
        )
    }

    /// A `redis:` block; `url` is `redis://host[:port][/db]`, without credentials.
    func redis(_ node: Node) -> RedisSettings? {
        let keys = ["url", "stream_prefix", "single_stream", "maxlen"]
        guard let fields = Fields(node, path: "redis", allowed: keys, reader: self) else { return nil }
        var settings = fields["url"].flatMap { redisURL($0, fields.path("url")) } ?? RedisSettings()
        if let prefix = fields["stream_prefix"].flatMap({ string($0, fields.path("stream_prefix")) }) {
            settings.streamPrefix = prefix
        }
        if let single = fields["single_stream"].flatMap({ boolean($0, fields.path("single_stream")) }) {
            settings.singleStream = single
        }
        if let maxlen = fields["maxlen"] {
            settings.maxLength = integer(maxlen, fields.path("maxlen"), minimum: 1) ?? settings.maxLength
        }
        return settings
    }

    /// A `metrics:` block.
    func metrics(_ node: Node) -> MetricsSettings? {
        guard let fields = Fields(node, path: "metrics", allowed: ["textfile", "listen"], reader: self) else { return nil }
        return MetricsSettings(
            textfile: fields["textfile"].flatMap { string($0, fields.path("textfile")) },
            listen: fields["listen"].flatMap { listen($0, fields.path("listen")) }
        )
    }

    /// An absolute http:// or https:// URL with a host.
    private func httpURL(_ node: Node, _ path: String) -> String? {
        guard let text = string(node, path) else { return nil }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", components.host?.isEmpty == false else {
            report("'\(path)' must be an http:// or https:// URL with a host, got \"\(text)\"", at: node,
                   offset: node.textOffset)
            return nil
        }
        return text
    }

    private func redisURL(_ node: Node, _ path: String) -> RedisSettings? {
        guard let text = string(node, path) else { return nil }
        let problem = { (reason: String) -> RedisSettings? in
            self.report("'\(path)' \(reason)", at: node, offset: node.textOffset)
            return nil
        }
        guard let components = URLComponents(string: text), components.scheme?.lowercased() == "redis",
              let host = components.host, !host.isEmpty else {
            return problem("must be a URL like redis://127.0.0.1:6379/0, got \"\(text)\"")
        }
        guard components.user == nil, components.password == nil else {
            return problem("must not hold credentials; put the password in \(RedisSettings.passwordEnvironmentKey)")
        }
        let port = components.port ?? 6379
        guard (1...65_535).contains(port) else { return problem("has port \(port), outside 1-65535") }
        let database = components.path.drop { $0 == "/" }
        guard database.isEmpty || database.allSatisfy(\.isASCIIDigit), let number = Int(database.isEmpty ? "0" : database) else {
            return problem("must end with a database number (/0), got \"\(components.path)\"")
        }
        return RedisSettings(host: host, port: port, database: number)
    }

    private func listen(_ node: Node, _ path: String) -> ServerAddress? {
        guard let text = string(node, path) else { return nil }
        guard let address = ServerAddress(parsing: text) else {
            report("'\(path)' must be host:port with a port from 1 to 65535, got \"\(text)\"", at: node,
                   offset: node.textOffset)
            return nil
        }
        return address
    }
}
