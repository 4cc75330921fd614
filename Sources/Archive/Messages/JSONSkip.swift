/// Positions just past one compact JSON value, for scanners that skip values without parsing them.
enum JSONSkip {
    /// The index after the string opening at `start` (a `"`), escapes included; the end for unclosed text.
    static func string(_ json: [UInt8], from start: Int) -> Int {
        var index = start + 1
        while index < json.count {
            switch json[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return json.count
    }

    /// The index after the value starting at `start`: a string, an object or array (nested), or a scalar.
    static func value(_ json: [UInt8], from start: Int) -> Int {
        var index = start
        var depth = 0
        while index < json.count {
            switch json[index] {
            case UInt8(ascii: "\""):
                index = string(json, from: index)
                if depth == 0 { return index }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return index }
                depth -= 1
                if depth == 0 { return index + 1 }
            case UInt8(ascii: ","):
                if depth == 0 { return index }
            default:
                break
            }
            index += 1
        }
        return json.count
    }
}
