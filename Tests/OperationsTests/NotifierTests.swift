import Foundation
import XCTest
@testable import Notify

final class NotifierTests: XCTestCase {
    private static let token = "123456:AAH-secret-bot-token"
    private let failure = NotificationMessage(kind: .jobFailed, subject: "news", text: "tgcron: job news failed: boom",
                                       at: Date(timeIntervalSince1970: 1_714_564_800))

    private func json(_ body: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    func testTheBotPostsTheTextToTheChatThroughSendMessage() async throws {
        let server = try await FakeHTTPServer.start()
        let bot = try TelegramBotNotifier(token: Self.token, chatID: "-100777", apiURL: server.baseURL)
        try await bot.send(failure)
        await server.shutdown()

        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, .POST)
        XCTAssertEqual(request.uri, "/bot\(Self.token)/sendMessage")
        XCTAssertEqual(request.headers["Content-Type"], ["application/json"])
        let body = try json(request.body)
        XCTAssertEqual(body["chat_id"] as? String, "-100777")
        XCTAssertEqual(body["text"] as? String, "tgcron: job news failed: boom")
    }

    func testABotAPIRefusalIsAnErrorWithoutTheToken() async throws {
        let server = try await FakeHTTPServer.start(
            status: .unauthorized, body: #"{"ok":false,"error_code":401,"description":"Unauthorized: bot 123456:AAH-secret-bot-token"}"#)
        let bot = try TelegramBotNotifier(token: Self.token, chatID: "1", apiURL: server.baseURL + "/prefix/")
        do {
            try await bot.send(failure)
            XCTFail("a 401 must fail")
        } catch {
            guard case .rejected(_, 401, let detail) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(detail.hasPrefix("Unauthorized"))
            XCTAssertFalse(error.description.contains(Self.token), error.description)
        }
        XCTAssertEqual(server.requests.first?.uri, "/prefix/bot\(Self.token)/sendMessage")
        await server.shutdown()
    }

    func testTheWebhookReceivesTheNotificationAsJSON() async throws {
        let server = try await FakeHTTPServer.start(status: .noContent, body: "")
        let webhook = try WebhookNotifier(url: server.baseURL + "/hooks/tgcron?key=abc")
        try await webhook.send(failure)
        await server.shutdown()

        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.uri, "/hooks/tgcron?key=abc")
        let body = try json(request.body)
        XCTAssertEqual(body["event"] as? String, "job_failed")
        XCTAssertEqual(body["subject"] as? String, "news")
        XCTAssertEqual(body["text"] as? String, failure.text)
        XCTAssertEqual(body["at"] as? String, "2024-05-01T12:00:00Z")
    }

    func testAnUnreachableWebhookFailsNamingOnlyItsHost() async throws {
        let port = try await LoopbackPort.free()
        let webhook = try WebhookNotifier(url: "http://127.0.0.1:\(port)/hooks/secret-path")
        do {
            try await webhook.send(failure)
            XCTFail("delivered to nothing")
        } catch {
            guard case .connectionFailed(let host, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(host, "127.0.0.1:\(port)")
            XCTAssertFalse(error.description.contains("secret-path"))
        }
    }

    func testTheNIOTransportRefusesHTTPS() async throws {
        let bot = try TelegramBotNotifier(token: Self.token, chatID: "1", transport: NIOHTTPTransport())
        do {
            try await bot.send(failure)
            XCTFail("the NIO transport has no TLS")
        } catch {
            XCTAssertEqual(error, .tlsUnavailable(host: "api.telegram.org:443"))
        }
    }

    func testTheURLSessionTransportPostsTheSameRequest() async throws {
        let server = try await FakeHTTPServer.start()
        let bot = try TelegramBotNotifier(token: Self.token, chatID: "42", apiURL: server.baseURL,
                                          transport: URLSessionHTTPTransport())
        try await bot.send(failure)
        await server.shutdown()

        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.uri, "/bot\(Self.token)/sendMessage")
        XCTAssertEqual(try json(request.body)["text"] as? String, failure.text)
    }

    func testURLSessionFailuresNameOnlyTheHost() async throws {
        let port = try await LoopbackPort.free()
        let bot = try TelegramBotNotifier(token: Self.token, chatID: "42", apiURL: "http://127.0.0.1:\(port)",
                                          transport: URLSessionHTTPTransport(timeout: .seconds(5)))
        do {
            try await bot.send(failure)
            XCTFail("delivered to nothing")
        } catch {
            XCTAssertFalse(error.description.contains(Self.token), error.description)
        }
    }

    func testURLsMustBeAbsoluteHTTP() {
        XCTAssertThrowsError(try WebhookNotifier(url: "ftp://example.org/x"))
        XCTAssertThrowsError(try WebhookNotifier(url: "/relative"))
    }
}
