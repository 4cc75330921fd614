import Foundation

/// The password of a PostgreSQL archive, from the places libpq users expect and nowhere else: tgcron's
/// `TGCRON_PG_PASSWORD` (in `config/.env` or the environment), then `PGPASSWORD`, then the password file
/// (`PGPASSFILE`, default `~/.pgpass`; format at https://www.postgresql.org/docs/15/libpq-pgpass.html).
public enum PostgresPassword {
    /// The password for `location`, or nil (a server that trusts the role needs none). `environment` is the
    /// process environment merged with `config/.env`.
    public static func resolve(for location: PostgresLocation, environment: [String: String]) -> String? {
        if let password = environment["TGCRON_PG_PASSWORD"], !password.isEmpty { return password }
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let file = environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
        guard let file, let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        return lookUp(location, inPassFile: text)
    }

    /// The password of the first line of a `.pgpass` text matching `location` (`*` matches anything).
    public static func lookUp(_ location: PostgresLocation, inPassFile text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = splitFields(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [location.host, String(location.port), location.database, location.user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// The colon-separated fields of a `.pgpass` line, with `\:` and `\\` unescaped.
    private static func splitFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
