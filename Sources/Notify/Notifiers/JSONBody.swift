import Foundation

/// JSON request bodies and the Bot API's error description, via Foundation's serializer.
enum JSONBody {
    static func encode(_ object: [String: Any]) -> [UInt8] {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return [UInt8](data)
    }

    /// The `description` field of a JSON object response, or "" if the body is not one.
    static func description(in body: [UInt8]) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return "" }
        return object["description"] as? String ?? ""
    }
}
