@testable import Client
import TL
import XCTest

/// Paging rules against scripted answers: what the sequence does with overlaps, gaps and stalls.
final class HistoryPagesTests: XCTestCase {
    private let peer = Api.InputPeer.inputPeerChannel(.init(channelId: 1, accessHash: 2))

    private func page(_ ids: [Int]) -> ScriptedInvoker.Outcome {
        .answer(Api.Messages.Messages.messages(.init(
            messages: ids.map { .messageEmpty(.init(id: Int32($0))) }, topics: [], chats: [], users: [])))
    }

    private func collect(_ script: [ScriptedInvoker.Outcome], _ direction: HistoryDirection) async throws -> [Int] {
        var ids: [Int] = []
        for try await page in HistoryPages(invoker: ScriptedInvoker(script), request: HistoryRequest(peer: peer, direction: direction, pageSize: 3)) {
            ids += page.messages.map(\.messageID)
        }
        return ids
    }

    func testOverlappingPagesNeverRepeatAnIdOrGoBackwards() async throws {
        let ids = try await collect([page([9, 8, 7]), page([8, 7, 5]), page([5, 4, 2]), page([])], .newestFirst)
        XCTAssertEqual(ids, [9, 8, 7, 5, 4, 2])
    }

    func testShortPageDoesNotEndTheSequenceOnlyAnEmptyAnswerDoes() async throws {
        let ids = try await collect([page([3, 2]), page([6, 5, 4]), page([7]), page([])], .oldestFirst)
        XCTAssertEqual(ids, [2, 3, 4, 5, 6, 7])
    }

    func testNewestFirstStopsAtMessageOneWithoutAnotherRequest() async throws {
        let ids = try await collect([page([3, 2, 1])], .newestFirst)
        XCTAssertEqual(ids, [3, 2, 1])
    }

    func testEmptyMessagesAreKeptVisible() async throws {
        let ids = try await collect([page([4, 3]), page([])], .newestFirst)
        XCTAssertEqual(ids, [4, 3])
    }

    func testPageWithNothingNewStopsWithAnError() async throws {
        do {
            _ = try await collect([page([9, 8]), page([9, 8])], .oldestFirst)
            XCTFail("paging went on without progress")
        } catch let error as ClientError {
            XCTAssertEqual(error, .historyNotAdvancing(offsetID: 9))
        }
    }

    func testOldestFirstAsksForTheNextIdWithANegativeAddOffset() async throws {
        let inner = ScriptedInvoker([page([2, 1]), page([])])
        var iterator = HistoryPages(invoker: inner, request: HistoryRequest(peer: peer, direction: .oldestFirst, pageSize: 50))
            .makeAsyncIterator()
        let first = iterator.query()
        XCTAssertEqual([first.offsetId, first.addOffset, first.limit], [1, -50, 50])
        _ = try await iterator.next()
        let second = iterator.query()
        XCTAssertEqual([second.offsetId, second.addOffset], [3, -50])
    }
}
