import GRDB

extension ExportFilter {
    /// The filter as SQL conditions on the `messages` row aliased `m`, with their arguments in order.
    var sqlConditions: (conditions: [String], arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let channel {
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
}
