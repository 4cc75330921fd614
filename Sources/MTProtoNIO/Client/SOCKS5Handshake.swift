/// The client side of a SOCKS5 greeting and CONNECT, as pure steps: bytes to send, bytes received, done.
///
/// Source: RFC 1928 (methods, CONNECT request with a domain name, replies) and RFC 1929 (username and
/// password sub-negotiation, version 1).
struct SOCKS5Handshake {
    /// What went wrong, in the proxy's words where it gave some.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case notSOCKS5
        case noAcceptableMethod
        case authenticationRejected
        case connectRefused(reply: UInt8)
        case malformedReply

        var description: String {
            switch self {
            case .notSOCKS5: "the proxy does not speak SOCKS5"
            case .noAcceptableMethod: "the SOCKS5 proxy accepts none of the offered methods (no auth, username/password)"
            case .authenticationRejected: "the SOCKS5 proxy refused the username and password"
            case .connectRefused(let reply): "the SOCKS5 proxy could not connect to the server (reply \(reply))"
            case .malformedReply: "the SOCKS5 proxy sent a malformed reply"
            }
        }
    }

    private enum Stage { case greeting, authentication, connect, done }

    private let host: String
    private let port: Int
    private let credentials: SOCKS5Credentials?
    private var stage = Stage.greeting
    private var received: [UInt8] = []

    /// A handshake asking the proxy to connect to `host`:`port`.
    init(host: String, port: Int, credentials: SOCKS5Credentials?) {
        self.host = host
        self.port = port
        self.credentials = credentials
    }

    /// Whether the tunnel is open.
    var isDone: Bool { stage == .done }

    /// The greeting: version 5, the methods offered (0 none, and 2 username/password when there are credentials).
    func greeting() -> [UInt8] {
        credentials == nil ? [5, 1, 0] : [5, 2, 0, 2]
    }

    /// Takes bytes from the proxy; returns the bytes to send next, and any bytes received after the tunnel opened.
    mutating func feed(_ bytes: [UInt8]) throws(Failure) -> (send: [UInt8], leftover: [UInt8]) {
        received += bytes
        var send: [UInt8] = []
        while true {
            switch stage {
            case .greeting:
                guard received.count >= 2 else { return (send, []) }
                guard received[0] == 5 else { throw .notSOCKS5 }
                let method = received[1]
                received.removeFirst(2)
                if method == 2, let credentials {
                    let user = Array(credentials.username.utf8.prefix(255)), password = Array(credentials.password.utf8.prefix(255))
                    send += [1, UInt8(user.count)] + user + [UInt8(password.count)] + password
                    stage = .authentication
                } else if method == 0 {
                    send += connectRequest()
                    stage = .connect
                } else {
                    throw .noAcceptableMethod
                }
            case .authentication:
                guard received.count >= 2 else { return (send, []) }
                guard received[1] == 0 else { throw .authenticationRejected }
                received.removeFirst(2)
                send += connectRequest()
                stage = .connect
            case .connect:
                guard received.count >= 5 else { return (send, []) }
                guard received[0] == 5 else { throw .malformedReply }
                guard received[1] == 0 else { throw .connectRefused(reply: received[1]) }
                let addressLength: Int
                switch received[3] {
                case 1: addressLength = 4
                case 4: addressLength = 16
                case 3: addressLength = 1 + Int(received[4])
                default: throw .malformedReply
                }
                let total = 4 + addressLength + 2
                guard received.count >= total else { return (send, []) }
                received.removeFirst(total)
                stage = .done
            case .done:
                let leftover = received
                received = []
                return (send, leftover)
            }
        }
    }

    /// CONNECT to the host by name (address type 3) and port, big-endian.
    private func connectRequest() -> [UInt8] {
        let name = Array(host.utf8.prefix(255))
        return [5, 1, 0, 3, UInt8(name.count)] + name + [UInt8(truncatingIfNeeded: port >> 8), UInt8(truncatingIfNeeded: port)]
    }
}
