import Foundation
import GRDB

extension ArchiveStore {
    /// When `job` last started a run that was not cut short by its process dying, on any channel; nil if
    /// it never did. The scheduler's misfire policy counts from here (an interrupted run is retried at once).
    public func lastRunStart(job: String) throws(ArchiveError) -> Date? {
        try read { db in
            try Date.fetchOne(db, sql: """
                SELECT started_at FROM runs WHERE job = ? AND status NOT IN (?, ?) ORDER BY started_at DESC, id DESC LIMIT 1
                """, arguments: [job, RunStatus.interrupted.rawValue, RunStatus.running.rawValue])
        }
    }

    /// Records the channel run `id` works on, once it is resolved.
    public func setRunChannel(id: Int64, channel: Int64) throws(ArchiveError) {
        try write { db in
            try db.execute(sql: "UPDATE runs SET channel_id = ? WHERE id = ?", arguments: [channel, id])
        }
    }

    /// The runs of `job`, oldest first.
    func runs(job: String) throws(ArchiveError) -> [RunRecord] {
        try read { db in
            try RunRecord.filter(Column("job") == job).order(Column("started_at"), Column("id")).fetchAll(db)
        }
    }
}
