extension CronSchedule {
    /// The macros and the cron expressions they stand for.
    static let macros: [String: String] = [
        "@hourly": "0 * * * *",
        "@daily": "0 0 * * *",
        "@midnight": "0 0 * * *",
        "@weekly": "0 0 * * 0",
        "@monthly": "0 0 1 * *",
        "@yearly": "0 0 1 1 *",
        "@annually": "0 0 1 1 *",
    ]

    /// Reads a schedule: five cron fields (`*/15 9-17 * * MON-FRI`), a macro (`@daily`, `@hourly`,
    /// `@weekly`, `@monthly`, `@yearly`, `@annually`, `@midnight`) or an interval (`@every 90m`,
    /// at least one minute). Names and macros are case-insensitive.
    public static func parse(_ text: String) throws(CronError) -> CronSchedule {
        let trimmed = text.drop(while: \.isWhitespace)
        let leading = text.unicodeScalars.count - trimmed.unicodeScalars.count
        guard let first = trimmed.first else { throw .empty }
        if first == "@" {
            return CronSchedule(text: text, rule: try macroRule(String(trimmed), offset: leading))
        }
        return CronSchedule(text: text, rule: .calendar(try calendarRule(text)))
    }

    private static func macroRule(_ text: String, offset: Int) throws(CronError) -> Rule {
        let words = text.split(whereSeparator: \.isWhitespace)
        let macro = words.first.map { $0.lowercased() } ?? ""
        if macro == "@every" {
            let argument = text.dropFirst(macro.count).drop(while: \.isWhitespace)
            let argumentOffset = offset + text.unicodeScalars.count - argument.unicodeScalars.count
            return try everyRule(argument.trimmingTrailingWhitespace, offset: argumentOffset)
        }
        guard words.count == 1, let expression = macros[macro] else {
            let suggestion = Suggestion.closest(to: macro, among: macros.keys.sorted() + ["@every"])
            throw .unknownMacro(String(Substring(text).trimmingTrailingWhitespace), suggestion: suggestion)
        }
        return .calendar(try calendarRule(expression))
    }

    private static func everyRule(_ argument: Substring, offset: Int) throws(CronError) -> Rule {
        guard !argument.isEmpty else {
            throw .invalidInterval(nil, offset: offset)
        }
        let duration: Duration
        do {
            duration = try DurationParser.parse(String(argument))
        } catch {
            throw .invalidInterval(error, offset: offset)
        }
        guard duration >= .seconds(60) else { throw .intervalTooShort(String(argument), offset: offset) }
        return .interval(seconds: Int(duration.components.seconds))
    }

    private static func calendarRule(_ text: String) throws(CronError) -> CalendarRule {
        var fields: [(text: Substring, offset: Int)] = []
        var offset = 0
        var current: Substring.Index?
        var currentOffset = 0
        for index in text.indices {
            if text[index].isWhitespace {
                if let start = current { fields.append((text[start..<index], currentOffset)) }
                current = nil
            } else if current == nil {
                current = index
                currentOffset = offset
            }
            offset += text[index].unicodeScalars.count
        }
        if let start = current { fields.append((text[start...], currentOffset)) }
        guard fields.count == 5 else { throw .wrongFieldCount(fields.count) }
        let rule = CalendarRule(
            minutes: try CronField(parsing: fields[0].text, as: .minute, at: fields[0].offset),
            hours: try CronField(parsing: fields[1].text, as: .hour, at: fields[1].offset),
            daysOfMonth: try CronField(parsing: fields[2].text, as: .dayOfMonth, at: fields[2].offset),
            months: try CronField(parsing: fields[3].text, as: .month, at: fields[3].offset),
            daysOfWeek: try CronField(parsing: fields[4].text, as: .dayOfWeek, at: fields[4].offset)
        )
        if let impossible = rule.impossibleDay {
            throw .neverFires(day: impossible.day, months: impossible.months, offset: fields[2].offset)
        }
        return rule
    }
}

extension Substring {
    /// This text without whitespace at its end.
    var trimmingTrailingWhitespace: Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[startIndex..<end]
    }
}
