/// Drops every record, for callers that keep no audit.
public struct DiscardingAuditSink: AuditSink {
    /// A sink that keeps nothing.
    public init() {}

    /// Does nothing.
    public func record(_ record: AuditRecord) async {}
}
