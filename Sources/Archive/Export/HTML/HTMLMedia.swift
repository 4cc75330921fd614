import Foundation
import TL

/// The media part of a message in the HTML pages, from the `result.json` fields: a placed photo shown
/// (`photo_wrap`, scaled into 260×260 like Desktop's thumbnails), a placed file linked (`media … block_link`),
/// a file not placed described with Desktop's placeholder text, polls and locations.
struct HTMLMedia {
    let object: TLJSONValue

    var html: String {
        if let photo = HTMLText.string(object["photo"]) { return self.photo(photo) }
        if let file = HTMLText.string(object["file"]) { return self.file(file) }
        if let poll = object["poll"] { return Self.poll(poll) }
        if let place = object["location_information"] { return location(place) }
        return ""
    }

    private func photo(_ path: String) -> String {
        guard Self.isPlaced(path) else { return placeholder(kind: "photo", title: "Photo", note: path) }
        let (width, height) = Self.fit(HTMLText.integer(object["width"]), HTMLText.integer(object["height"]))
        return "  <div class=\"media_wrap clearfix\">\n   <a class=\"photo_wrap clearfix pull_left\" href=\"\(Self.href(path))\">"
            + "<img class=\"photo\" src=\"\(Self.href(path))\" style=\"width: \(width)px; height: \(height)px\"/></a>\n  </div>\n"
    }

    private func file(_ path: String) -> String {
        let type = HTMLText.string(object["media_type"])
        let (kind, title): (String, String) = switch type {
        case "video_file": ("video", "Video file")
        case "animation": ("video", "Animation")
        case "video_message": ("video", "Video message")
        case "voice_message": ("voice_message", "Voice message")
        case "audio_file": ("audio_file", [object["performer"], object["title"]].compactMap(HTMLText.string).joined(separator: " – "))
        case "sticker": ("photo", "Sticker " + (HTMLText.string(object["sticker_emoji"]) ?? ""))
        default: ("file", Self.isPlaced(path) ? (path as NSString).lastPathComponent : "File")
        }
        let named = title.isEmpty ? "Audio file" : title
        guard Self.isPlaced(path) else { return placeholder(kind: kind, title: named, note: path) }
        return "  <div class=\"media_wrap clearfix\">\n   <a class=\"media clearfix pull_left block_link media_\(kind)\" href=\"\(Self.href(path))\">"
            + "<div class=\"fill pull_left\"></div><div class=\"body\"><div class=\"title bold\">\(HTMLText.escape(named))</div>"
            + "<div class=\"status details\">\(status)</div></div></a>\n  </div>\n"
    }

    /// A file the export does not hold: its kind, Desktop's note saying why, its size when known.
    private func placeholder(kind: String, title: String, note: String) -> String {
        "  <div class=\"media_wrap clearfix\">\n   <div class=\"media clearfix pull_left media_\(kind)\"><div class=\"fill pull_left\"></div>"
            + "<div class=\"body\"><div class=\"title bold\">\(HTMLText.escape(title))</div>"
            + "<div class=\"description\">\(HTMLText.escape(note))</div><div class=\"status details\">\(status)</div></div></div>\n  </div>\n"
    }

    /// Duration, dimensions and size, as far as known.
    private var status: String {
        var parts: [String] = []
        if let seconds = HTMLText.integer(object["duration_seconds"]) {
            let rest = seconds % 60
            parts.append("\(seconds / 60):\(rest < 10 ? "0" : "")\(rest)")
        }
        if let width = HTMLText.integer(object["width"]), let height = HTMLText.integer(object["height"]) {
            parts.append("\(width)x\(height)")
        }
        if let size = HTMLText.integer(object["file_size"]) ?? HTMLText.integer(object["photo_file_size"]) {
            parts.append(Self.size(size))
        }
        return HTMLText.escape(parts.joined(separator: ", "))
    }

    /// `size` bytes as `812 B`, `4.2 KB`, `1.5 MB` (1024-based, as Desktop shows sizes).
    private static func size(_ bytes: Int64) -> String {
        guard bytes >= 1024 else { return "\(bytes) B" }
        var value = Double(bytes) / 1024
        for unit in ["KB", "MB", "GB"] {
            if value < 1024 || unit == "GB" { return "\((value * 10).rounded() / 10) \(unit)" }
            value /= 1024
        }
        return "\(bytes) B"
    }

    private static func poll(_ poll: TLJSONValue) -> String {
        var out = "  <div class=\"media_wrap clearfix\">\n   <div class=\"media_poll\">"
            + "<div class=\"question bold\">\(HTMLText.escape(HTMLText.string(poll["question"]) ?? ""))</div>"
        if case .array(let answers)? = poll["answers"] {
            for answer in answers {
                out += "<div class=\"answer\">- \(HTMLText.escape(HTMLText.string(answer["text"]) ?? ""))"
                    + " <span class=\"details\">\(HTMLText.integer(answer["voters"]) ?? 0) votes</span></div>"
            }
        }
        return out + "<div class=\"total details\">\(HTMLText.integer(poll["total_voters"]) ?? 0) votes</div></div>\n  </div>\n"
    }

    private func location(_ place: TLJSONValue) -> String {
        let coordinate = { (value: TLJSONValue?) -> String? in
            switch value {
            case .double(let number)?: return String(number)
            case .integer(let number)?: return String(number)
            default: return nil
            }
        }
        guard let latitude = coordinate(place["latitude"]), let longitude = coordinate(place["longitude"]) else { return "" }
        let name = HTMLText.string(object["place_name"]).map(HTMLText.escape) ?? "Location"
        return "  <div class=\"media_wrap clearfix\">\n   <a class=\"media clearfix pull_left block_link media_location\" "
            + "href=\"https://maps.google.com/maps?q=\(latitude),\(longitude)\"><div class=\"fill pull_left\"></div>"
            + "<div class=\"body\"><div class=\"title bold\">\(name)</div><div class=\"status details\">\(latitude), \(longitude)"
            + "</div></div></a>\n  </div>\n"
    }

    /// Whether the field holds a placed file's path rather than Desktop's "(File …)" note.
    private static func isPlaced(_ path: String) -> Bool { !path.hasPrefix("(") }

    /// A relative path as an `href`: each segment percent-encoded (file names may hold `#`, `?`, spaces).
    private static func href(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "#?;")
        return HTMLText.escape(path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }.joined(separator: "/"))
    }

    /// Width and height scaled down to fit 260×260, keeping the ratio (Desktop's thumbnail box).
    private static func fit(_ width: Int64?, _ height: Int64?) -> (Int64, Int64) {
        guard let width, let height, width > 0, height > 0 else { return (260, 260) }
        let scale = min(1, 260 / Double(max(width, height)))
        return (max(1, Int64(Double(width) * scale)), max(1, Int64(Double(height) * scale)))
    }
}
