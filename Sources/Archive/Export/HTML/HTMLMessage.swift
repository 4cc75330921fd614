import TL

/// One message of Telegram Desktop's HTML export, rendered from the same message object `result.json` holds
/// (`DesktopMessage`, with files placed by `DesktopMediaFolder`), so both formats say the same things.
///
/// The markup follows the class names of Telegram Desktop's export (`export_output_html.cpp`):
/// `message default clearfix [joined]` with `id="messageN"`, `message service`, `from_name`,
/// `pull_right date details`, `reply_to details` linking `#go_to_messageN`, `forwarded body`, `media_wrap`,
/// `photo_wrap`, `media … media_file`, `text`.
struct HTMLMessage {
    /// The message object (`DesktopMessage.object`, media filled).
    let object: TLJSONValue
    /// The message's dates as the page shows them.
    let dates: HTMLDates
    /// Whether it continues the previous message's block (same sender, soon after): no name, no userpic.
    let joined: Bool
    /// The link to the message with an id (same page or another page of the export).
    let link: (Int64) -> String

    private var id: Int64 { HTMLText.integer(object["id"]) ?? 0 }

    /// The message's block.
    var html: String {
        HTMLText.string(object["type"]) == "service" ? service : message
    }

    private var service: String {
        "<div class=\"message service\" id=\"message\(id)\">\n <div class=\"body details\">\(serviceText)</div>\n</div>\n"
    }

    private var serviceText: String {
        let title = HTMLText.escape(HTMLText.string(object["title"]) ?? "")
        switch HTMLText.string(object["action"]) {
        case "create_channel": return "Channel «\(title)» created"
        case "edit_group_title": return "Channel title changed to «\(title)»"
        case "edit_group_photo": return "Channel photo changed"
        case "delete_group_photo": return "Channel photo removed"
        case "clear_history": return "History cleared"
        case "migrate_from_group": return "Channel created from group «\(title)»"
        case "pin_message":
            guard let pinned = HTMLText.integer(object["message_id"]) else { return "Message pinned" }
            return "Message pinned: " + anchor(to: pinned, text: "this message")
        default: return "Service message"
        }
    }

    private var message: String {
        let name = HTMLText.string(object["from"]) ?? HTMLText.string(object["from_id"]) ?? "Deleted Account"
        var out = "<div class=\"message default clearfix\(joined ? " joined" : "")\" id=\"message\(id)\">\n"
        if !joined { out += Self.userpic(name: name, key: HTMLText.string(object["from_id"]) ?? name, forwarded: false) }
        out += " <div class=\"body\">\n"
        out += date
        if !joined { out += "  <div class=\"from_name\">\(HTMLText.escape(name))</div>\n" }
        var content = ""
        if let reply = HTMLText.integer(object["reply_to_message_id"]) {
            content += "  <div class=\"reply_to details\">In reply to \(anchor(to: reply, text: "this message"))</div>\n"
        }
        content += HTMLMedia(object: object).html
        content += text
        content += reactions
        if let forward = object["forwarded_from"] {
            let origin = HTMLText.string(forward) ?? "Unknown"
            out += Self.userpic(name: origin, key: origin, forwarded: true)
            out += "  <div class=\"forwarded body\">\n   <div class=\"from_name\">\(HTMLText.escape(origin))</div>\n"
            out += content + "  </div>\n"
        } else {
            out += content
        }
        if let author = HTMLText.string(object["author"]) {
            out += "  <div class=\"signature details\">\(HTMLText.escape(author))</div>\n"
        }
        return out + " </div>\n</div>\n"
    }

    /// The time, the full date in its title, and the edited mark with the edit's date.
    private var date: String {
        guard let unix = HTMLText.string(object["date_unixtime"]).flatMap(Int64.init) else { return "" }
        var out = "  <div class=\"pull_right date details\" title=\"\(dates.full(unix))\">\(dates.time(unix))</div>\n"
        if let edited = HTMLText.string(object["edited_unixtime"]).flatMap(Int64.init) {
            out += "  <div class=\"pull_right edited details\" title=\"Edited: \(dates.full(edited))\">edited</div>\n"
        }
        return out
    }

    private var text: String {
        guard case .array(let parts)? = object["text_entities"], !parts.isEmpty else { return "" }
        return "  <div class=\"text\">\(HTMLText.html(parts: parts))</div>\n"
    }

    private var reactions: String {
        guard case .array(let list)? = object["reactions"], !list.isEmpty else { return "" }
        let items = list.map { reaction in
            let emoji = HTMLText.string(reaction["emoji"]) ?? (HTMLText.string(reaction["type"]) == "paid" ? "⭐" : "❔")
            return "<span class=\"reaction\"><span class=\"emoji\">\(HTMLText.escape(emoji))</span>"
                + "<span class=\"count\">\(HTMLText.integer(reaction["count"]) ?? 0)</span></span>"
        }
        return "  <span class=\"reactions\">\(items.joined())</span>\n"
    }

    /// A link to another message: `#go_to_messageN` on this page (the script scrolls to it), else its page.
    private func anchor(to message: Int64, text: String) -> String {
        let target = link(message)
        let click = target.hasPrefix("#") ? " onclick=\"return GoToMessage(\(message))\"" : ""
        return "<a href=\"\(HTMLText.escape(target))\"\(click)>\(text)</a>"
    }

    /// A round picture with the sender's initial, in one of eight colors chosen by `key`.
    private static func userpic(name: String, key: String, forwarded: Bool) -> String {
        let color = key.unicodeScalars.reduce(0) { ($0 &* 31 &+ Int($1.value)) & 0xFFFF } % 8 + 1
        let initial = name.first.map { HTMLText.escape(String($0)) } ?? ""
        return " <div class=\"pull_left \(forwarded ? "forwarded " : "")userpic_wrap\">\n"
            + "  <div class=\"userpic userpic\(color)\" style=\"width: 42px; height: 42px\">"
            + "<div class=\"initials\" style=\"line-height: 42px\">\(initial)</div></div>\n </div>\n"
    }
}
