/// Deterministic randomness for tests: returns queued byte strings, one per `fill` call, in order.
///
/// Each request must ask for exactly as many bytes as the next queued string holds, so a test also
/// pins down the order and sizes in which the code under test draws randomness. A mismatch or an
/// empty queue stops the test with a message naming the draw: it means the test's script is wrong.
public struct ReplayRandom: RandomSource, Sendable {
    private var queue: [[UInt8]]
    private var position = 0

    /// Queues `chunks`, to be returned in order.
    public init(_ chunks: [[UInt8]]) {
        queue = chunks
    }

    /// How many queued strings have not been drawn yet.
    public var remaining: Int { queue.count - position }

    /// Copies the next queued string into `buffer`.
    public mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        precondition(position < queue.count, "ReplayRandom: draw #\(position + 1) of \(buffer.count) bytes, but the queue is empty")
        let next = queue[position]
        precondition(
            next.count == buffer.count,
            "ReplayRandom: draw #\(position + 1) asked for \(buffer.count) bytes, queued \(next.count)")
        position += 1
        buffer.copyBytes(from: next)
    }
}
