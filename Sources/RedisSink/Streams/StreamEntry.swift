import Archive

/// The `XADD` that publishes one change: its stream and field/value pairs.
///
/// Fields: `channel_id`, `message_id`, `kind` (new, edited, deleted), `seq` (the change-log position, to
/// drop duplicates after a resend), then for new and edited messages `date`, `edit_date` (if edited),
/// `text` (if any) and `message` (the message as TL JSON; left out if its raw bytes cannot be decoded).
struct StreamEntry {
    var stream: String
    var fields: [(String, String)]

    init(change: ArchiveChange, layout: RedisStreamLayout) {
        stream = layout.stream(for: change.channelId)
        fields = [
            ("channel_id", String(change.channelId)), ("message_id", String(change.messageId)),
            ("kind", change.kind.rawValue), ("seq", String(change.seq)),
        ]
        guard let message = change.message else { return }
        if let date = message.date { fields.append(("date", String(date))) }
        if let editDate = message.editDate { fields.append(("edit_date", String(editDate))) }
        if let text = message.text { fields.append(("text", text)) }
        if let json = try? message.tlJSON() { fields.append(("message", json)) }
    }

    /// `XADD stream MAXLEN ~ maxLength * field value …` (no trimming when `maxLength` is nil).
    func command(maxLength: Int?) -> RedisCommand {
        var arguments = [stream]
        if let maxLength { arguments += ["MAXLEN", "~", String(maxLength)] }
        arguments.append("*")
        for (field, value) in fields { arguments += [field, value] }
        return RedisCommand("XADD", arguments)
    }
}
