import NIOCore

/// Encoded bytes waiting for one channel, written in the order they were queued by a single
/// writer task. Whoever encodes frames (an actor) queues them synchronously, so the order on the
/// wire is the order of encoding, which obfuscation keystreams and full-transport sequence
/// numbers depend on.
struct OutboundQueue: Sendable {
    private let stream: AsyncThrowingStream<ByteBuffer, any Error>
    private let continuation: AsyncThrowingStream<ByteBuffer, any Error>.Continuation

    /// An empty queue.
    init() {
        (stream, continuation) = AsyncThrowingStream.makeStream()
    }

    /// Queues `bytes` behind everything queued before.
    func enqueue(_ bytes: [UInt8]) {
        continuation.yield(ByteBuffer(bytes: bytes))
    }

    /// Lets the writer finish once everything queued so far is written.
    func finish() {
        continuation.finish()
    }

    /// Makes the writer stop with `error` once everything queued so far is written.
    func fail(_ error: any Error) {
        continuation.finish(throwing: error)
    }

    /// Writes queued bytes until the queue finishes (returns) or fails (throws); call it once.
    func drain(into writer: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
        for try await buffer in stream {
            try await writer.write(buffer)
        }
    }
}
