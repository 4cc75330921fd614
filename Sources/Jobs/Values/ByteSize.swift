import Foundation

/// Byte counts as job files and settings write them: `20MB`, `1.5GB`, `512KB`, `4096` (bytes). K, M and
/// G are binary (1 KB = 1,024 bytes), as Telegram counts file sizes; `KiB`, `MiB`, `GiB` are accepted too.
public enum ByteSize {
    /// The number of bytes `text` names, or nil if it is not a size.
    public static func parse(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).uppercased()
        guard let number = Double(digits), number.isFinite, number >= 0 else { return nil }
        let multipliers: [String: Double] = [
            "": 1, "B": 1, "K": 1_024, "KB": 1_024, "KIB": 1_024, "M": 1_048_576, "MB": 1_048_576, "MIB": 1_048_576,
            "G": 1_073_741_824, "GB": 1_073_741_824, "GIB": 1_073_741_824,
        ]
        guard let multiplier = multipliers[unit] else { return nil }
        let bytes = (number * multiplier).rounded(.down)
        guard bytes < 9.0e18 else { return nil }
        return Int64(bytes)
    }
}
