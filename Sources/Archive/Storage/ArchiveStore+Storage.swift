/// The embedded SQLite archive implements every storage concern.
extension ArchiveStore: MessageStorage, RunStorage, ClientStateStorage, ChangeFeedStorage, MediaLedgerStorage {}
