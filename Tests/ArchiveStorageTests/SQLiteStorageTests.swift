import XCTest

/// The storage suite against the embedded SQLite archive.
final class SQLiteStorageTests: XCTestCase {
    private func contract() throws -> StorageContract { StorageContract(store: try SQLiteBackend().makeStorage(self)) }

    func testPageAndCheckpointCommitTogether() throws { try contract().pageAndCheckpointCommitTogether() }
    func testRejectedCheckpointStoresNothingOfItsPage() throws { try contract().rejectedCheckpointStoresNothingOfItsPage() }
    func testRecommittingAPageChangesNothing() throws { try contract().recommittingAPageChangesNothing() }
    func testEditsAreVersionedAndCountersAreNot() throws { try contract().editsAreVersionedAndCountersAreNot() }
    func testDeletionsAreMarkedNeverRemoved() throws { try contract().deletionsAreMarkedNeverRemoved() }
    func testRunsAreRecorded() throws { try contract().runsAreRecorded() }
    func testSessionsAndAuthKeysKeepTheirState() throws { try contract().sessionsAndAuthKeysKeepTheirState() }
    func testPeersResolveCaseInsensitively() throws { try contract().peersResolveCaseInsensitively() }
    func testGovernorStateVersionsGrowOnChange() throws { try contract().governorStateVersionsGrowOnChange() }
    func testGovernorStatesAreKeptPerAccount() throws { try contract().governorStatesAreKeptPerAccount() }
    func testSinkCursorsNeverMoveBack() throws { try contract().sinkCursorsNeverMoveBack() }
    func testWatchPositionsAreKept() throws { try contract().watchPositionsAreKept() }
    func testMediaAreQueuedWithTheirPageAndTracked() throws { try contract().mediaAreQueuedWithTheirPageAndTracked() }
    func testUsersAreStoredFromPagesAndMinCopiesNeverOverwrite() throws { try contract().usersAreStoredFromPagesAndMinCopiesNeverOverwrite() }
    func testUsersRollBackWithARejectedPage() throws { try contract().usersRollBackWithARejectedPage() }
    func testCommentLinksAreFilledWhicheverOrderPagesArrive() throws { try contract().commentLinksAreFilledWhicheverOrderPagesArrive() }
    func testTopicIDIsStoredForForumMessages() throws { try contract().topicIDIsStoredForForumMessages() }
    func testForumTopicsAreUpsertedAndADeletedOneKeepsItsTitle() throws { try contract().forumTopicsAreUpsertedAndADeletedOneKeepsItsTitle() }
    func testInviteLinksAreRemembered() throws { try contract().inviteLinksAreRemembered() }
    func testLeasesAreTakenOnceAndRenewedOnlyByTheirHolder() throws { try contract().leasesAreTakenOnceAndRenewedOnlyByTheirHolder() }
    func testAnExpiredLeaseIsTakenOverAndLostToItsOldHolder() throws { try contract().anExpiredLeaseIsTakenOverAndLostToItsOldHolder() }
    func testRunnersAreRegisteredAndHeartbeat() throws { try contract().runnersAreRegisteredAndHeartbeat() }
    func testRacingRunnersNeverTakeOneAccountTwice() throws {
        let backend = SQLiteBackend()
        let first = try backend.makeStorage(self)
        let others = try (1..<4).map { _ in try backend.reopen(first, self) }
        try StorageContract(store: first).racingRunnersNeverTakeOneAccountTwice(handles: [first] + others)
    }
}
