import Foundation
import Timekeeping

/// One end of a job's message window (`window.since`, `window.until`).
public enum WindowBound: Hashable, Sendable {
    /// A calendar date (`2024-01-31`), meaning midnight at its start in the job's time zone.
    case date(year: Int, month: Int, day: Int)
    /// An exact instant (`2024-01-31T18:00:00+01:00`, RFC 3339).
    case instant(Date)
    /// A time before each run (`90d`, `12h`, `2w`): the bound moves with the run.
    case ago(Duration)

    /// The instant this bound stands for in a run starting at `now`, in the job's time zone.
    public func resolve(now: Date, in timeZone: TimeZone) -> Date {
        switch self {
        case .date(let year, let month, let day):
            return timeZone.instant(for: LocalMinute(year: year, month: month, day: day, hour: 0, minute: 0))
        case .instant(let date):
            return date
        case .ago(let duration):
            let (seconds, attoseconds) = duration.components
            return now.addingTimeInterval(-(Double(seconds) + Double(attoseconds) / 1e18))
        }
    }

    /// Reads `2024-01-31`, an RFC 3339 date-time, or a duration such as `90d` taken as "ago".
    public init(parsing text: String) throws(WindowBoundError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first else { throw .empty }
        let looksLikeDate = trimmed.count >= 8 && trimmed.prefix(4).allSatisfy(\.isASCIIDigit)
            && trimmed.dropFirst(4).first == "-"
        if looksLikeDate {
            self = try Self.absolute(trimmed)
        } else if first.isASCIIDigit || first == "-" {
            do {
                self = .ago(try DurationParser.parse(trimmed))
            } catch .malformed {
                throw .unrecognized(trimmed)
            } catch {
                throw .duration(error)
            }
        } else {
            throw .unrecognized(trimmed)
        }
    }

    /// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` (`t` or a space may replace `T`).
    private static func absolute(_ text: String) throws(WindowBoundError) -> WindowBound {
        let scalars = Array(text.unicodeScalars)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            let digits = scalars[range]
            guard digits.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
            return Int(String(String.UnicodeScalarView(digits)))
        }
        func character(at index: Int) -> Unicode.Scalar? {
            index < scalars.count ? scalars[index] : nil
        }
        guard let year = number(0..<4), character(at: 4) == "-", let month = number(5..<7),
              character(at: 7) == "-", let day = number(8..<10) else { throw .unrecognized(text) }
        guard (1...12).contains(month), (1...CivilDate.daysInMonth(year: year, month: month)).contains(day) else {
            throw .invalidDate(String(text.prefix(10)))
        }
        if scalars.count == 10 { return .date(year: year, month: month, day: day) }
        guard let separator = character(at: 10), "Tt ".unicodeScalars.contains(separator),
              let hour = number(11..<13), character(at: 13) == ":", let minute = number(14..<16),
              character(at: 16) == ":", let second = number(17..<19) else { throw .unrecognized(text) }
        guard hour < 24, minute < 60, second < 60 else { throw .invalidTime(text) }
        var index = 19
        var fraction = 0.0
        if character(at: index) == "." {
            var digits = ""
            index += 1
            while let scalar = character(at: index), ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
                index += 1
            }
            guard let value = Double("0." + digits), !digits.isEmpty else { throw .unrecognized(text) }
            fraction = value
        }
        let offset: Int
        switch character(at: index) {
        case "Z", "z":
            offset = 0
            index += 1
        case "+", "-":
            guard let hours = number(index + 1..<index + 3), character(at: index + 3) == ":",
                  let minutes = number(index + 4..<index + 6), hours < 24, minutes < 60 else {
                throw .unrecognized(text)
            }
            offset = (hours * 3600 + minutes * 60) * (character(at: index) == "-" ? -1 : 1)
            index += 6
        default:
            throw .missingOffset(text)
        }
        guard index == scalars.count else { throw .unrecognized(text) }
        let local = LocalMinute(year: year, month: month, day: day, hour: hour, minute: minute)
        let seconds = Double(local.secondsAsIfUTC + second - offset) + fraction
        return .instant(Date(timeIntervalSince1970: seconds))
    }
}
