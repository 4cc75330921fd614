import Archive

/// The PostgreSQL archive implements every storage concern.
extension PostgresArchive: ArchiveStorage {}
