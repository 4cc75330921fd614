@testable import Client
import TL
import XCTest

/// Paging rules against scripted answers: what the sequence does with overlaps, gaps and stalls.
final class HistoryPagesTests: XCTestCase {
    private let peer = Api.InputPeer.inputPeerChannel(.init(channelId: 1, accessHash: 2))

    /// The answer as the connection hands it to paging: read from its bytes, each message's kept.
    private func page(_ ids: [Int]) -> ScriptedInvoker.Outcome {
        let answer = Api.Messages.Messages.messages(.init(
            messages: ids.map { .messageEmpty(.init(id: Int32($0))) }, topics: [], chats: [], users: []))
        var reader = TLReader(answer.serialized())
        do {
            return .answer(try GetHistoryKeepingBytes.decodeResult(from: &reader))
        } catch {
            return .failure(error)
        }
    }

    func testEveryAnswerConstructorKeepsEachMessagesBytesAsSent() throws {
        let messages: [Api.Message] = [
            .messageEmpty(.init(id: 5)),
            .message(.init(id: 4, peerId: .peerChannel(.init(channelId: 1)), date: 10, message: "hello")),
        ]
        let answers: [Api.Messages.Messages] = [
            .messages(.init(messages: messages, topics: [], chats: [], users: [])),
            .messagesSlice(.init(inexact: true, count: 9, nextRate: 3, offsetIdOffset: 2, messages: messages, topics: [],
                                 chats: [], users: [])),
            .channelMessages(.init(pts: 7, count: 9, offsetIdOffset: 1, messages: messages, topics: [], chats: [], users: [])),
        ]
        for answer in answers {
            var reader = TLReader(answer.serialized())
            let received = try ReceivedHistory(from: &reader)
            try reader.expectEnd()
            XCTAssertEqual(received.messages.map(\.bytes), messages.map { $0.serialized() })
            XCTAssertEqual(received.messages.map(\.value), messages)
        }
        var reader = TLReader(Api.Messages.Messages.messagesNotModified(.init(count: 3)).serialized())
        XCTAssertTrue(try ReceivedHistory(from: &reader).messages.isEmpty)
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
