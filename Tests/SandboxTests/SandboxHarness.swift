import Foundation
import MTProto
import TL
@testable import Sandbox

/// A sandbox DC driven in-process: requests go through their bytes, time is a simulated clock.
struct SandboxHarness {
    var api: SandboxAPI
    var state = SandboxState()
    var caller: SandboxCaller
    var now: Date

    /// A harness on `dc` over `spec`, flood policy off unless given, clock at genesis + `offset` seconds.
    init(spec: WorldSpec = .builtIn, dc: Int = 2, flood: FloodPolicy = .off, offset: TimeInterval = 0) {
        api = SandboxAPI(world: World(spec: spec), configuration: SandboxConfiguration(flood: flood))
        caller = SandboxCaller(authKeyID: 0x5A4D_B0C5, dc: dc)
        now = spec.genesis.addingTimeInterval(offset)
    }

    /// Serializes `function`, lets the sandbox answer the bytes and decodes the answer as `F.Result`.
    mutating func call<F: TLDecodableFunction>(_ function: F) throws -> Result<F.Result, RPCError> {
        switch api.handle(requestBody: function.serialized(), caller: caller, state: &state, now: now) {
        case .success(let bytes):
            var reader = TLReader(bytes)
            return .success(try F.decodeResult(from: &reader))
        case .failure(let error):
            return .failure(error)
        }
    }

    /// The answer, failing the test with the RPC error otherwise.
    mutating func value<F: TLDecodableFunction>(_ function: F) throws -> F.Result {
        try call(function).get()
    }

    /// The RPC error of a call that must fail.
    mutating func error<F: TLDecodableFunction>(_ function: F) throws -> RPCError? {
        if case .failure(let error) = try call(function) { return error }
        return nil
    }

    /// Logs in Alice (9996621234, DC 2, no password) with the test-convention code 22222.
    mutating func logIn(phone: String = "9996621234") throws {
        let sent = try value(Api.Auth.SendCode(phoneNumber: phone, apiId: 1, apiHash: "x", settings: .init()))
        guard case .sentCode(let code) = sent, let digit = TestPhone(phone)?.code else { throw HarnessError.unexpected }
        _ = try value(Api.Auth.SignIn(phoneNumber: phone, phoneCodeHash: code.phoneCodeHash, phoneCode: digit))
    }

    /// The channel by username as an `InputChannel`.
    func input(_ username: String) throws -> Api.InputChannel {
        guard let channel = api.world.channel(username: username) else { throw HarnessError.unexpected }
        return .inputChannel(.init(channelId: channel.id, accessHash: channel.accessHash))
    }

    /// The channel by username as an `InputPeer`.
    func peer(_ username: String) throws -> Api.InputPeer {
        guard case .inputChannel(let value) = try input(username) else { throw HarnessError.unexpected }
        return .inputPeerChannel(.init(channelId: value.channelId, accessHash: value.accessHash))
    }

    /// One `messages.getHistory` page as ids, newest first.
    mutating func page(_ username: String, offsetID: Int = 0, offsetDate: Int = 0, addOffset: Int = 0, limit: Int,
                       maxID: Int = 0, minID: Int = 0) throws -> [Int] {
        let answer = try value(Api.Messages.GetHistory(
            peer: peer(username), offsetId: Int32(offsetID), offsetDate: Int32(offsetDate), addOffset: Int32(addOffset),
            limit: Int32(limit), maxId: Int32(maxID), minId: Int32(minID), hash: 0))
        guard case .channelMessages(let page) = answer else { throw HarnessError.unexpected }
        return page.messages.map(\.sandboxID)
    }
}

enum HarnessError: Error { case unexpected }

extension Api.Message {
    /// The message id whatever the constructor.
    var sandboxID: Int {
        switch self {
        case .message(let value): Int(value.id)
        case .messageService(let value): Int(value.id)
        case .messageEmpty(let value): Int(value.id)
        }
    }
}
