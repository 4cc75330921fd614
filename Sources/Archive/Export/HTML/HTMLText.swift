import TL

/// Text as HTML: escaping, and Telegram Desktop's text parts (`DesktopTextParts`) as markup.
///
/// Escaping follows Telegram Desktop's HTML export (`export_output_html.cpp`, `SerializeString`): `& < > " '`
/// become entities, a line break (and U+2028, U+2029) becomes `<br>`, other control characters numeric entities.
enum HTMLText {
    /// `text` safe in an element's content or a quoted attribute.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\u{2028}", "\u{2029}": out += "<br>"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case _ where scalar.value < 32: out += "&#x\(String(scalar.value, radix: 16, uppercase: true));"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The message's `text_entities` parts as HTML.
    static func html(parts: [TLJSONValue]) -> String {
        parts.map(html(part:)).joined()
    }

    private static func html(part: TLJSONValue) -> String {
        let text = string(part["text"]) ?? ""
        let inner = escape(text)
        switch string(part["type"]) ?? "plain" {
        case "bold": return "<strong>\(inner)</strong>"
        case "italic": return "<em>\(inner)</em>"
        case "underline": return "<u>\(inner)</u>"
        case "strikethrough": return "<s>\(inner)</s>"
        case "code": return "<code>\(inner)</code>"
        case "pre": return "<pre>\(inner)</pre>"
        case "blockquote": return "<blockquote>\(inner)</blockquote>"
        case "spoiler": return "<span class=\"spoiler\">\(inner)</span>"
        case "link": return link(inner, to: text)
        case "text_link": return link(inner, to: string(part["href"]) ?? "")
        case "email": return "<a href=\"mailto:\(escape(text))\">\(inner)</a>"
        case "phone": return "<a href=\"tel:\(escape(text))\">\(inner)</a>"
        case "mention" where text.hasPrefix("@"):
            return "<a href=\"https://t.me/\(escape(String(text.dropFirst())))\">\(inner)</a>"
        default: return inner
        }
    }

    /// A link to `url` when its scheme is a web, mail or Telegram one (no scheme means `http://`, as Desktop
    /// writes bare links); anything else (`javascript:`) stays plain text.
    private static func link(_ inner: String, to url: String) -> String {
        let scheme = url.firstIndex(of: ":").map { url[..<$0].lowercased() }
        let target: String
        switch scheme {
        case nil: target = "http://" + url
        case "http"?, "https"?, "tg"?, "mailto"?, "ftp"?: target = url
        case let other? where other.contains("/") || other.contains("."): target = "http://" + url
        default: return inner
        }
        return "<a href=\"\(escape(target))\">\(inner)</a>"
    }

    /// The string a JSON value holds, if it is one.
    static func string(_ value: TLJSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    /// The integer a JSON value holds, if it is one.
    static func integer(_ value: TLJSONValue?) -> Int64? {
        if case .integer(let number)? = value { return number }
        return nil
    }
}
