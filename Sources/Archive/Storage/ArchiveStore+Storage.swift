/// The embedded SQLite archive implements every storage concern.
extension ArchiveStore: ArchiveStorage {}
