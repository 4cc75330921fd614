import Foundation

/// Decodes the archive's records (the `Codable` types of `Archive`) from a row rendered by PostgreSQL as
/// JSON (`SELECT to_jsonb(t) FROM t`): snake_case columns to properties, `timestamptz` to `Date`, `bytea`
/// (hex, `\x…`) to `Data`. The session's time zone is UTC (set when connecting), so times end in `+00:00`.
enum RowJSON {
    /// Why a row could not be decoded.
    struct Malformed: Error {
        let reason: String
    }

    static func decode<T: Decodable>(_ type: T.Type, from json: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = parseTimestamp(text) else { throw Malformed(reason: "timestamp \(text)") }
            return date
        }
        decoder.dataDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let data = parseHex(text) else { throw Malformed(reason: "bytea of \(text.count) characters") }
            return data
        }
        return try decoder.decode(T.self, from: Data(json.utf8))
    }

    /// `2026-12-04T19:52:32.123456+00:00` (fraction optional, any offset) as a `Date`.
    static func parseTimestamp(_ text: String) -> Date? {
        let characters = Array(text.utf8)
        guard characters.count >= 19 else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: characters[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else { return nil }
        var index = 19
        var fraction = 0.0
        if index < characters.count, characters[index] == UInt8(ascii: ".") {
            var scale = 0.1
            index += 1
            while index < characters.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(characters[index]) {
                fraction += Double(characters[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
        }
        var offsetSeconds = 0
        if index < characters.count {
            let sign = characters[index] == UInt8(ascii: "-") ? -1 : 1
            guard let hours = number(index + 1..<index + 3) else { return nil }
            let minutes = characters.count >= index + 6 ? number(index + 4..<index + 6) ?? 0 : 0
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        }
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        (components.hour, components.minute, components.second) = (hour, minute, second)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        guard let whole = calendar.date(from: components) else { return nil }
        return whole.addingTimeInterval(fraction - Double(offsetSeconds))
    }

    /// PostgreSQL's hex `bytea` text (`\x0a1b…`) as bytes.
    static func parseHex(_ text: String) -> Data? {
        let characters = Array(text.utf8)
        guard characters.count >= 2, characters[0] == UInt8(ascii: "\\"), characters[1] == UInt8(ascii: "x"),
              characters.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var data = Data(capacity: characters.count / 2 - 1)
        var index = 2
        while index < characters.count {
            guard let high = nibble(characters[index]), let low = nibble(characters[index + 1]) else { return nil }
            data.append(high << 4 | low)
            index += 2
        }
        return data
    }
}
