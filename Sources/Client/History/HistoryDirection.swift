/// Which way history is read.
public enum HistoryDirection: Sendable, Equatable {
    /// From the newest message back to the oldest (a first full archive, newest first).
    case newestFirst
    /// From the oldest message forward to the newest (catching up after a checkpoint).
    case oldestFirst
}
