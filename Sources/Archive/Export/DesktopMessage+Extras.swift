import TL

/// The parts of Telegram Desktop's message object that need more than the message itself: names of other
/// chats (from the archive's channels), reactions, photo sizes, bots, replies to other chats and polls.
extension DesktopMessage {
    /// `forwarded_from`: the original sender's name as the forward header gives it, else the title of the
    /// archived channel it names (Desktop fills it from the chats it knows the same way), else null.
    func forwardedFrom(_ forward: TLJSONValue) -> TLJSONValue {
        if let name = forward["from_name"] { return name }
        return chatTitle(forward["from_id"]) ?? .null
    }

    /// The title of the archived channel `peer` names, if the archive has it.
    func chatTitle(_ peer: TLJSONValue?) -> TLJSONValue? {
        guard case .integer(let id)? = peer?["channel_id"], let title = chatTitles[id] else { return nil }
        return .string(title)
    }

    /// `peer` as Desktop writes ids: `channel123`, `user45`, `chat6`.
    static func desktopID(_ peer: TLJSONValue?) -> TLJSONValue? {
        for (key, prefix) in [("channel_id", "channel"), ("user_id", "user"), ("chat_id", "chat")] {
            if case .integer(let id)? = peer?[key] { return .string("\(prefix)\(id)") }
        }
        return nil
    }

    /// `via_bot`: `@username` when the archive's users know the bot's username (Desktop writes the key only
    /// then: `FormatUsername(user(viaBotId).username)`, tdesktop `export_output_json.cpp`); otherwise
    /// `via_bot_id` (not Desktop's), so the bot is not lost. And `reply_to_peer_id` for a reply to another chat.
    func relationFields(_ message: TLJSONValue) -> [(String, TLJSONValue)] {
        var fields: [(String, TLJSONValue)] = []
        if case .integer(let bot)? = message["via_bot_id"] {
            if let username = users[bot]?.username, !username.isEmpty {
                fields.append(("via_bot", .string("@\(username)")))
            } else {
                fields.append(("via_bot_id", .string("user\(bot)")))
            }
        }
        if let peer = Self.desktopID(message["reply_to"]?["reply_to_peer_id"]) { fields.append(("reply_to_peer_id", peer)) }
        return fields
    }

    /// `reactions`: one entry per reaction with its count, as Desktop writes them.
    func reactionFields(_ reactions: TLJSONValue?) -> [(String, TLJSONValue)] {
        guard case .array(let results)? = reactions?["results"], !results.isEmpty else { return [] }
        let entries: [TLJSONValue] = results.map { result in
            let count = result["count"] ?? .integer(0)
            let reaction = result["reaction"]
            switch reaction?.constructorName {
            case "reactionEmoji":
                return .object([("type", .string("emoji")), ("count", count), ("emoji", reaction?["emoticon"] ?? .string(""))])
            case "reactionCustomEmoji":
                let document: TLJSONValue = if case .integer(let id)? = reaction?["document_id"] { .string(String(id)) } else { .null }
                return .object([("type", .string("custom_emoji")), ("count", count), ("document_id", document)])
            default:
                return .object([("type", .string("paid")), ("count", count)])
            }
        }
        return [("reactions", .array(entries))]
    }

    /// A photo's largest size as `width` and `height`.
    static func photoSize(_ photo: TLJSONValue?) -> [(String, TLJSONValue)] {
        guard case .array(let sizes)? = photo?["sizes"] else { return [] }
        var best: (Int64, Int64)?
        for size in sizes {
            guard case .integer(let width)? = size["w"], case .integer(let height)? = size["h"] else { continue }
            if width * height > (best.map { $0.0 * $0.1 } ?? -1) { best = (width, height) }
        }
        guard let best else { return [] }
        return [("width", .integer(best.0)), ("height", .integer(best.1))]
    }

    /// A poll as Desktop writes it: question, closed, total voters, and each answer with its voters.
    static func poll(_ media: TLJSONValue) -> [(String, TLJSONValue)] {
        guard let poll = media["poll"] else { return [] }
        var voters: [String: (Int64, Bool)] = [:]
        if case .array(let results)? = media["results"]?["results"] {
            for result in results {
                guard case .string(let option)? = result["option"] else { continue }
                let count: Int64 = if case .integer(let value)? = result["voters"] { value } else { 0 }
                voters[option] = (count, result["chosen"] == .bool(true))
            }
        }
        var answers: [TLJSONValue] = []
        if case .array(let list)? = poll["answers"] {
            for answer in list {
                let option: String = if case .string(let text)? = answer["option"] { text } else { "" }
                let tally = voters[option] ?? (0, false)
                answers.append(.object([("text", answer["text"]?["text"] ?? .string("")), ("voters", .integer(tally.0)),
                                        ("chosen", .bool(tally.1))]))
            }
        }
        let total: TLJSONValue = media["results"]?["total_voters"] ?? .integer(0)
        return [("poll", .object([
            ("question", poll["question"]?["text"] ?? .string("")), ("closed", .bool(poll["closed"] == .bool(true))),
            ("total_voters", total), ("answers", .array(answers)),
        ]))]
    }
}
