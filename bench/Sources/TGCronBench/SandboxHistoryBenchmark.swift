import Foundation
import Sandbox
import TL

/// How fast the sandbox DC serves history: `messages.getHistory` pages of 100 from @sandbox_big,
/// request bytes in and answer bytes out (the API logic and TL encoding; no sockets or crypto), limits off.
enum SandboxHistoryBenchmark {
    static func run() throws -> String {
        let api = SandboxAPI(world: World(spec: .builtIn), configuration: SandboxConfiguration(flood: .off))
        var state = SandboxState()
        let caller = SandboxCaller(authKeyID: 1, dc: 2)
        let now = Date(timeIntervalSince1970: 1_767_312_000)  // 2026-01-02, a day after the world's genesis
        let phone = "9996621234"  // test convention: receives code 22222
        let sent = try api.handle(requestBody: Api.Auth.SendCode(phoneNumber: phone, apiId: 1, apiHash: "x",
                                                                 settings: .init()).serialized(),
                                  caller: caller, state: &state, now: now).get()
        guard case .sentCode(let code) = try Api.Auth.SentCode(bytes: sent) else { throw BenchmarkError("no code sent") }
        _ = try api.handle(requestBody: Api.Auth.SignIn(phoneNumber: phone, phoneCodeHash: code.phoneCodeHash,
                                                        phoneCode: "22222").serialized(),
                           caller: caller, state: &state, now: now).get()
        guard let channel = api.world.channel(username: "sandbox_big") else { throw BenchmarkError("no channel") }
        let peer = Api.InputPeer.inputPeerChannel(.init(channelId: channel.id, accessHash: channel.accessHash))
        let pages = 200
        var served = 0
        let seconds = try medianSeconds(runs: 5) {
            var offset: Int32 = 0
            for _ in 0..<pages {
                let request = Api.Messages.GetHistory(peer: peer, offsetId: offset, offsetDate: 0, addOffset: 0,
                                                      limit: 100, maxId: 0, minId: 0, hash: 0)
                let answer = try api.handle(requestBody: request.serialized(), caller: caller, state: &state, now: now).get()
                guard case .channelMessages(let page) = try Api.Messages.Messages(bytes: answer),
                      let last = page.messages.last else { throw BenchmarkError("unexpected page") }
                served += page.messages.count
                switch last {
                case .message(let message): offset = message.id
                case .messageService(let message): offset = message.id
                case .messageEmpty(let message): offset = message.id
                }
            }
        }
        let perSecond = Double(served / 5) / seconds
        return "| Sandbox DC serves getHistory (100/page, @sandbox_big, limits off, one core) | \(grouped(perSecond)) messages/s |"
    }
}

/// A benchmark that could not run as set up.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
