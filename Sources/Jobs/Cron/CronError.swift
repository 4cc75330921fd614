/// Why a schedule (`schedule:` in a job file) could not be read.
///
/// Cases that concern one part of the text carry `offset`, the position (in Unicode scalars) of
/// that part in the schedule, so a validator can point at the exact column.
public enum CronError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The schedule is empty.
    case empty
    /// A cron expression with other than five fields.
    case wrongFieldCount(Int)
    /// A `@name` that is not one of the supported macros; `suggestion` is the closest one, if any.
    case unknownMacro(String, suggestion: String?)
    /// A field item that is neither a number, a name, `*`, a range nor a step (`L`, `?`, `FUNDAY`).
    case invalidValue(CronFieldKind, String, offset: Int)
    /// A list with an empty item, as in `1,,2` or `5,`.
    case emptyListItem(CronFieldKind, offset: Int)
    /// A number outside the field's range, as in minute `61`.
    case outOfRange(CronFieldKind, Int, offset: Int)
    /// A range whose start is after its end, as in hour `22-2`.
    case backwardsRange(CronFieldKind, String, offset: Int)
    /// A step that is not a number from 1 to the field's span, as in `*/0` or `*/90` for minutes.
    case invalidStep(CronFieldKind, String, offset: Int)
    /// `@every` without a duration (nil) or with an invalid one.
    case invalidInterval(DurationError?, offset: Int)
    /// `@every` with an interval shorter than one minute.
    case intervalTooShort(String, offset: Int)
    /// A day-of-month that no listed month has, and no day-of-week to fall back on (`0 0 30 2 *`).
    case neverFires(day: Int, months: [Int], offset: Int)

    /// Where in the schedule text the problem is, if it concerns one part of it.
    public var offset: Int? {
        switch self {
        case .empty, .wrongFieldCount, .unknownMacro: nil
        case .invalidValue(_, _, let offset), .emptyListItem(_, let offset), .outOfRange(_, _, let offset),
             .backwardsRange(_, _, let offset), .invalidStep(_, _, let offset), .invalidInterval(_, let offset),
             .intervalTooShort(_, let offset), .neverFires(_, _, let offset):
            offset
        }
    }

    /// A message for the person editing the job file.
    public var description: String {
        switch self {
        case .empty:
            "schedule is empty"
        case .wrongFieldCount(let count):
            "a cron schedule has 5 fields (minute hour day-of-month month day-of-week), got \(count)"
        case .unknownMacro(let macro, let suggestion):
            "unknown schedule '\(macro)'" + (suggestion.map { " (did you mean '\($0)'?)" }
                ?? " (use @hourly, @daily, @weekly, @monthly, @yearly or @every <duration>)")
        case .invalidValue(let field, let text, _):
            "\(field) field '\(text)' is not \(field.accepted)"
        case .emptyListItem(let field, _):
            "\(field) field has an empty item in its list"
        case .outOfRange(let field, let value, _):
            "\(field) field '\(value)' is out of range \(field.bounds.lowerBound)-\(field.bounds.upperBound)"
        case .backwardsRange(let field, let text, _):
            "\(field) field range '\(text)' runs backwards; cron ranges cannot wrap around"
        case .invalidStep(let field, let text, _):
            Self.stepMessage(field, text)
        case .invalidInterval(nil, _):
            "'@every' needs a duration, as in '@every 6h' or '@every 90m'"
        case .invalidInterval(let error?, _):
            "'@every' interval: \(error)"
        case .intervalTooShort(let text, _):
            "'@every' interval must be at least 1m, got '\(text)'"
        case .neverFires(let day, let months, _):
            "schedule never fires: day \(day) does not occur in \(Self.monthList(months))"
        }
    }

    private static func stepMessage(_ field: CronFieldKind, _ text: String) -> String {
        let span = field.bounds.count - (field == .dayOfWeek ? 2 : 1)
        let base = "\(field) field step '\(text)' must be a number from 1 to \(span)"
        guard let step = Int(text), step > span else { return base }
        switch field {
        case .minute: return base + "; for every \(step) minutes use '@every \(step)m'"
        case .hour: return base + "; for every \(step) hours use '@every \(step)h'"
        case .dayOfMonth, .month, .dayOfWeek: return base
        }
    }

    private static func monthList(_ months: [Int]) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August",
                     "September", "October", "November", "December"]
        let named = months.map { names[$0 - 1] }
        guard let last = named.last, named.count > 1 else { return named.first ?? "any month" }
        return named.dropLast().joined(separator: ", ") + " or " + last
    }
}
