import GRDB

extension ExportFilter {
    /// The filter as SQL conditions on the `messages` row aliased `m`, with their arguments in order.
    var sqlConditions: (conditions: [String], arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let channel, let group = commentsGroup {
            // The group's comments, not the copies of posts that open their threads (the posts are exported).
            conditions.append("(m.channel_id = ? OR (m.channel_id = ? AND m.thread_id IS NOT NULL))")
            arguments += [channel, group]
        } else if let channel {
            conditions.append("m.channel_id = ?")
            arguments += [channel]
        }
        if let since {
            conditions.append("m.date >= ?")
            arguments += [Int64(since.timeIntervalSince1970.rounded(.up))]
        }
        if let until {
            conditions.append("m.date < ?")
            arguments += [Int64(until.timeIntervalSince1970.rounded(.up))]
        }
        return (conditions, arguments)
    }

    /// The order of exported rows: by channel and id; with comments, the channel's posts first.
    var sqlOrder: String {
        guard let channel, commentsGroup != nil else { return "m.channel_id, m.id" }
        return "m.channel_id != \(channel), m.id"
    }
}
