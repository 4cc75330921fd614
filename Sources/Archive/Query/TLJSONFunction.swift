import Foundation
import GRDB
import TL

/// The SQL function `tl_json(blob)`: boxed TL bytes (a message's `raw`) as compact TL JSON (`_` = constructor
/// name), so `json_extract(tl_json(raw), '$.media.document.mime_type')` answers questions about the nested
/// parts the archive does not keep as columns. NULL for NULL; an error names the bytes it cannot decode.
enum TLJSONFunction {
    static let function = DatabaseFunction("tl_json", argumentCount: 1, pure: true) { values in
        guard let blob = values.first, !blob.isNull else { return nil }
        guard case .blob(let data) = blob.storage else {
            throw DatabaseError(message: "tl_json: the argument is not a blob of TL bytes")
        }
        do {
            return try TLJSONCodec().decode([UInt8](data)).text(pretty: false)
        } catch {
            throw DatabaseError(message: "tl_json: \(error)")
        }
    }
}
