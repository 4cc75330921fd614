/// One of the five fields of a cron expression, in the order they are written.
public enum CronFieldKind: Hashable, Sendable, CustomStringConvertible {
    /// Minute of the hour, 0-59.
    case minute
    /// Hour of the day, 0-23.
    case hour
    /// Day of the month, 1-31.
    case dayOfMonth
    /// Month, 1-12 or `JAN`-`DEC`.
    case month
    /// Day of the week, 0-7 (0 and 7 are Sunday) or `SUN`-`SAT`.
    case dayOfWeek

    /// The field's name as messages spell it.
    public var description: String {
        switch self {
        case .minute: "minute"
        case .hour: "hour"
        case .dayOfMonth: "day-of-month"
        case .month: "month"
        case .dayOfWeek: "day-of-week"
        }
    }

    /// The numbers the field accepts as written (day-of-week accepts 7 for Sunday).
    var bounds: ClosedRange<Int> {
        switch self {
        case .minute: 0...59
        case .hour: 0...23
        case .dayOfMonth: 1...31
        case .month: 1...12
        case .dayOfWeek: 0...7
        }
    }

    /// Three-letter names, case-insensitive, with the number each stands for.
    var names: [String: Int] {
        switch self {
        case .month:
            ["JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6,
             "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12]
        case .dayOfWeek:
            ["SUN": 0, "MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6]
        case .minute, .hour, .dayOfMonth:
            [:]
        }
    }

    /// How the field's accepted values are described in messages.
    var accepted: String {
        switch self {
        case .month: "a number 1-12 or a name JAN-DEC"
        case .dayOfWeek: "a number 0-7 or a name SUN-SAT"
        case .minute, .hour, .dayOfMonth: "a number \(bounds.lowerBound)-\(bounds.upperBound)"
        }
    }
}
