import Foundation
import Logging

/// How a log line is written: for people on a terminal, or as one JSON object per line for journald,
/// files and log shippers.
enum LogLineFormat: String, CaseIterable, Sendable {
    case human, json

    /// One line for `level`, `message` and `metadata` at `date`, without the newline.
    func line(date: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        switch self {
        case .human:
            let time = Self.timeFormatter.string(from: date)
            let context = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            return "\(time) \(level.rawValue.uppercased()) \(message)\(context.isEmpty ? "" : " [\(context)]")"
        case .json:
            var object: [String: Any] = [
                "time": Self.isoFormatter.string(from: date), "level": level.rawValue, "logger": label, "message": message,
            ]
            for (key, value) in metadata { object[key] = Self.jsonValue(value) }
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
                return #"{"level":"error","message":"unencodable log line"}"#
            }
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// A metadata value as JSON: numbers and booleans logged as `.stringConvertible` keep their type
    /// (`"new":300`), everything else is a string.
    private static func jsonValue(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let number as Int): number
        case .stringConvertible(let number as Int64): number
        case .stringConvertible(let number as Int32): Int(number)
        case .stringConvertible(let number as Double) where number.isFinite: number
        case .stringConvertible(let flag as Bool): flag
        case .stringConvertible(let convertible): convertible.description
        case .array(let values): values.map(jsonValue)
        case .dictionary(let entries): entries.mapValues(jsonValue)
        }
    }

    // Foundation's formatters are safe to use from several threads once configured.
    private static let timeFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "HH:mm:ss"
        return formatter
    }()

    nonisolated(unsafe) private static let isoFormatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
}
