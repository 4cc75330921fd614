import Foundation

/// Reads durations written as number-unit pairs: `45m`, `1.5s`, `90d`, `2w`, `1h30m`.
///
/// Units: `ms`, `s`, `m` (minutes), `h`, `d` (24 hours), `w` (7 days). Numbers may have a decimal
/// fraction; the result is exact to the millisecond.
public enum DurationParser {
    private static let unitMilliseconds: [String: Int64] = [
        "ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000,
    ]

    /// The duration `text` spells (surrounding whitespace ignored).
    public static func parse(_ text: String) throws(DurationError) -> Duration {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .empty }
        if trimmed.hasPrefix("-") {
            _ = try parse(String(trimmed.dropFirst()))
            throw .negative(trimmed)
        }
        var rest = Substring(trimmed)
        var total: Int64 = 0
        while !rest.isEmpty {
            let whole = rest.prefix(while: \.isASCIIDigit)
            rest = rest.dropFirst(whole.count)
            var fraction: Substring = ""
            if rest.first == "." {
                fraction = rest.dropFirst().prefix(while: \.isASCIIDigit)
                guard !fraction.isEmpty else { throw .malformed(trimmed) }
                rest = rest.dropFirst(fraction.count + 1)
            }
            let unit = rest.prefix(while: \.isLetter)
            rest = rest.dropFirst(unit.count)
            guard !whole.isEmpty else { throw .malformed(trimmed) }
            guard !unit.isEmpty else {
                if rest.isEmpty { throw .missingUnit(String(whole) + (fraction.isEmpty ? "" : "." + fraction)) }
                throw .malformed(trimmed)
            }
            guard let scale = unitMilliseconds[String(unit)] else { throw .unknownUnit(String(unit), in: trimmed) }
            guard let milliseconds = value(whole: whole, fraction: fraction, scale: scale),
                  case (let sum, false) = total.addingReportingOverflow(milliseconds) else {
                throw .malformed(trimmed)
            }
            total = sum
        }
        return .milliseconds(total)
    }

    /// `whole.fraction` times `scale` milliseconds, truncated to the millisecond; nil on overflow.
    private static func value(whole: Substring, fraction: Substring, scale: Int64) -> Int64? {
        guard let integer = Int64(whole),
              case (let scaled, false) = integer.multipliedReportingOverflow(by: scale) else { return nil }
        var part: Int64 = 0
        var divisor: Int64 = 1
        for digit in fraction.prefix(6) {
            part = part * 10 + Int64(digit.wholeNumberValue ?? 0)
            divisor *= 10
        }
        return scaled + part * scale / divisor
    }
}
