/// The constructor name that opens compact TL JSON as `TLJSONWriter` writes it: `{"_":"name"…`.
enum TLJSONConstructorName {
    private static let prefix = Array(#"{"_":""#.utf8)

    /// The name, or nil if `json` does not open with a constructor name.
    static func of(_ json: [UInt8]) -> String? {
        guard json.starts(with: prefix),
              let end = json[prefix.count...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: json[prefix.count..<end], as: UTF8.self)
    }
}
