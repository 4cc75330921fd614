/// The values one cron field allows, as a bit set (bit n set = value n allowed).
struct CronField: Hashable, Sendable {
    private(set) var bits: UInt64 = 0
    /// Whether the field was written as a lone `*`, which matters for the day-of-month/day-of-week rule.
    private(set) var isWildcard = false

    /// Whether `value` is allowed.
    func contains(_ value: Int) -> Bool {
        bits & (1 << UInt64(value)) != 0
    }

    /// The allowed values, in increasing order.
    var values: [Int] {
        (0..<64).filter(contains)
    }

    private mutating func insert(_ value: Int) {
        bits |= 1 << UInt64(value)
    }

    /// Parses one field (`*`, `1-5`, `*/15`, `10-50/10`, `1,15,30`, `MON-FRI`), whose text starts at
    /// `offset` in the schedule.
    init(parsing text: Substring, as kind: CronFieldKind, at offset: Int) throws(CronError) {
        isWildcard = text == "*"
        var itemOffset = offset
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard !item.isEmpty else { throw .emptyListItem(kind, offset: itemOffset) }
            try add(item: item, kind: kind, offset: itemOffset)
            itemOffset += item.unicodeScalars.count + 1
        }
        if kind == .dayOfWeek, contains(7) {
            bits &= ~(1 << 7)
            insert(0)
        }
    }

    /// Adds one list item: a value, a range or a wildcard, with an optional `/step`.
    private mutating func add(item: Substring, kind: CronFieldKind, offset: Int) throws(CronError) {
        let parts = item.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let base = parts[0]
        var range: ClosedRange<Int>
        if base == "*" {
            range = kind == .dayOfWeek ? 0...6 : kind.bounds
        } else {
            let ends = base.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            let lower = try Self.value(ends[0], kind: kind, offset: offset)
            if ends.count == 2 {
                let upperOffset = offset + ends[0].unicodeScalars.count + 1
                let upper = try Self.value(ends[1], kind: kind, offset: upperOffset)
                guard lower <= upper else { throw .backwardsRange(kind, String(base), offset: offset) }
                range = lower...upper
            } else if parts.count == 2 {
                // `5/15` means "from 5 to the end of the field, every 15", as cronie reads it.
                range = lower...(kind == .dayOfWeek ? 6 : kind.bounds.upperBound)
            } else {
                range = lower...lower
            }
        }
        var step = 1
        if parts.count == 2 {
            let stepText = parts[1]
            let stepOffset = offset + base.unicodeScalars.count + 1
            let span = kind.bounds.count - (kind == .dayOfWeek ? 2 : 1)
            guard let parsed = Int(stepText), (1...span).contains(parsed) else {
                throw .invalidStep(kind, String(stepText), offset: stepOffset)
            }
            step = parsed
        }
        for value in stride(from: range.lowerBound, through: range.upperBound, by: step) {
            insert(value)
        }
    }

    /// One value: a decimal number within the field's bounds, or a name such as `JAN` or `mon`.
    private static func value(_ text: Substring, kind: CronFieldKind, offset: Int) throws(CronError) -> Int {
        if let named = kind.names[text.uppercased()] { return named }
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit), let number = Int(text) else {
            throw .invalidValue(kind, String(text), offset: offset)
        }
        guard kind.bounds.contains(number) else { throw .outOfRange(kind, number, offset: offset) }
        return number
    }
}

extension Character {
    /// Whether this is one of `0`-`9` (not any Unicode digit).
    var isASCIIDigit: Bool {
        ("0"..."9").contains(self)
    }
}
