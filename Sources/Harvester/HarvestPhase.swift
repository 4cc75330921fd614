/// Where a run is in its work, in the order a run goes through them.
enum HarvestPhase: Sendable, Equatable {
    /// Turning the job's channel reference into a callable peer and loading the checkpoint.
    case resolve
    /// Reading forward from `head` to the newest message (oldest first, so `head` only advances past stored ids).
    case catchUp
    /// Re-reading the recent archived range newest first, for edits and deletions.
    case refresh
    /// Reading backward from `tail` to the window's start (or, on a first run, from the newest message).
    case backfill
    /// Finding the channel's linked discussion group (`channels.getFullChannel`) and its checkpoint, when the
    /// plan asks for comments; the group is then read through catch-up, refresh and backfill like a channel.
    case discussion
    /// Downloading the files the job's media filter queued in the ledger, one file (or slice) per step.
    case media
    /// Nothing left to do.
    case done
}
