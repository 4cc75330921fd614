import Foundation
import TL

/// The sandbox's session log (`tgcron sandbox serve --session-log PATH`): one JSON object per line, for a
/// checker outside tgcron to see which processes used each account when.
///
/// Events: `authorized`, when a connection's first request by a logged-in auth key arrives (the account is
/// in use from then), and `closed`, when a connection that was authorized closes. Both carry `t` (the
/// sandbox's wall clock, seconds since 1970), `dc` and `conn` (the DC's connection number; `dc`+`conn`
/// names a TCP connection); `authorized` adds `user` (the account's user id, never its phone), `auth_key`
/// and `session` (the MTProto auth key id and session id, hexadecimal) and `device`, `system`, `app`: the
/// `initConnection` fields the client sent, where tgcron runners put their name (`device`
/// `tgcron runner NAME`). Runners share an account's auth key (its session row is in the shared archive),
/// so the auth key cannot tell them apart; the device field and the TCP connection do. Lines are written
/// in the order events happened (one actor writes them), so a checker can replay them in file order.
final class SessionLog: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    /// Opens `path` for appending, creating it 0600.
    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
    }

    deinit {
        try? handle.close()
    }

    /// Records that connection `connection` of DC `dc` is used by `user`, with what `identity` says of the client.
    func authorized(dc: Int, connection: Int, user: Int64, authKeyID: Int64, sessionID: Int64, identity: ClientLabel?) {
        var fields: [String: any Sendable] = [
            "event": "authorized", "dc": dc, "conn": connection, "user": user,
            "auth_key": String(UInt64(bitPattern: authKeyID), radix: 16), "session": String(UInt64(bitPattern: sessionID), radix: 16),
        ]
        if let identity {
            fields["device"] = identity.device
            fields["system"] = identity.system
            fields["app"] = identity.app
        }
        write(fields)
    }

    /// Records that connection `connection` of DC `dc` closed.
    func closed(dc: Int, connection: Int) {
        write(["event": "closed", "dc": dc, "conn": connection])
    }

    private func write(_ fields: [String: any Sendable]) {
        var object = fields
        object["t"] = Date().timeIntervalSince1970
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        lock.withLock { handle.write(data + Data("\n".utf8)) }
    }
}

/// The client's self-description from `initConnection`.
struct ClientLabel: Sendable, Equatable {
    var device: String
    var system: String
    var app: String

    /// The `initConnection` fields of `body`, a request as sent (`invokeWithLayer` around `initConnection`), or nil.
    init?(requestBody body: [UInt8]) {
        guard var function = try? TLAnyFunction(bytes: body).function else { return nil }
        while let wrapper = function as? any QueryWrapper {
            if let initConnection = wrapper as? any InitConnectionFields {
                device = initConnection.deviceModel
                system = initConnection.systemVersion
                app = initConnection.appVersion
                return
            }
            function = wrapper.wrappedQuery
        }
        return nil
    }
}

/// The fields of `initConnection` whatever query it wraps.
protocol InitConnectionFields {
    var deviceModel: String { get }
    var systemVersion: String { get }
    var appVersion: String { get }
}

extension Api.InitConnection: InitConnectionFields {}
