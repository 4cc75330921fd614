import Foundation
import Yams

extension JobDecoder {
    /// A `window:` block; date bounds are compared in the job's time zone.
    func window(_ node: Node, timeZone: TimeZone) -> MessageWindow? {
        let keys = ["since", "until", "min_id", "max_id"]
        guard let fields = Fields(node, path: "window", allowed: keys, reader: reader) else { return nil }
        let since = fields["since"].flatMap { bound($0, "window.since") }
        let until = fields["until"].flatMap { bound($0, "window.until") }
        let minID = fields["min_id"].flatMap { reader.integer($0, "window.min_id", minimum: 1) }
        let maxID = fields["max_id"].flatMap { reader.integer($0, "window.max_id", minimum: 1) }
        if let since, let until, let sinceNode = fields["since"], let untilNode = fields["until"],
           let ordered = Self.isOrdered(since, until, in: timeZone), !ordered {
            let sinceText = sinceNode.scalar?.string ?? ""
            let untilText = untilNode.scalar?.string ?? ""
            reader.report("'window.since' (\(sinceText)) must be before 'window.until' (\(untilText))", at: sinceNode)
        }
        if let minID, let maxID, let minNode = fields["min_id"], minID > maxID {
            reader.report("'window.min_id' (\(minID)) must not be greater than 'window.max_id' (\(maxID))", at: minNode)
        }
        return MessageWindow(since: since, until: until, minID: minID, maxID: maxID)
    }

    private func bound(_ node: Node, _ path: String) -> WindowBound? {
        guard case .scalar(let scalar) = node else {
            reader.reportType(path, expected: "a date, a time or a duration", got: node)
            return nil
        }
        do {
            return try WindowBound(parsing: scalar.string)
        } catch {
            reader.report("'\(path)': \(error)", at: node)
            return nil
        }
    }

    /// Whether `since` comes strictly before `until`, when that does not depend on the run time:
    /// both relative, or both absolute. Nil when one is relative and the other absolute.
    private static func isOrdered(_ since: WindowBound, _ until: WindowBound, in timeZone: TimeZone) -> Bool? {
        switch (since, until) {
        case (.ago(let sinceAgo), .ago(let untilAgo)):
            return sinceAgo > untilAgo
        case (.ago, _), (_, .ago):
            return nil
        default:
            let anyTime = Date(timeIntervalSince1970: 0)
            return since.resolve(now: anyTime, in: timeZone) < until.resolve(now: anyTime, in: timeZone)
        }
    }
}
