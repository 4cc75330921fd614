import NIOCore
import NIOPosix

/// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).
enum LoopbackPort {
    static func free() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }
}
