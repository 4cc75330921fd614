import MTProtoCrypto
import MTProtoTransport
import XCTest

/// A client's frames reach the server intact and the server's reach the client, for every framing,
/// however TCP splits or coalesces the stream.
final class RoundTripTests: XCTestCase {
    /// Payload sizes around the abridged 1-byte/4-byte header switch (127 words) and up to 1 MiB.
    private let sizes = [4, 8, 252, 1020, 1024, 65536, 1 << 20]

    func testEveryFramingRoundTripsFramesCoalescedInOneRead() throws {
        for variant in FramingVariant.allCases {
            try roundTrip(variant, chunking: .coalesced)
        }
    }

    func testEveryFramingRoundTripsFramesFedOneByteAtATime() throws {
        for variant in FramingVariant.allCases {
            try roundTrip(variant, chunking: .singleBytes)
        }
    }

    func testEveryFramingRoundTripsFramesFedInRandomChunks() throws {
        for (index, variant) in FramingVariant.allCases.enumerated() {
            try roundTrip(variant, chunking: .random(seed: 100 + UInt64(index)))
        }
    }

    /// Sends every size client → server, then every size server → client, over one connection.
    private func roundTrip(_ variant: FramingVariant, chunking: Chunking) throws {
        let context = "\(variant), \(chunking)"
        var client = try variant.client(seed: 1)
        var server = variant.server(seed: 2)

        let requests = sizes.map(samplePayload)
        var upstream: [UInt8] = []
        for request in requests {
            try client.encode(request, into: &upstream)
        }
        assertFrames(try receive(upstream, into: &server, chunking: chunking), carry: requests, variant, context)

        // Different bytes from the requests (and still a positive first int).
        let responses = sizes.map { samplePayload($0).map { $0 ^ 0x5a } }
        var downstream: [UInt8] = []
        for response in responses {
            try server.encode(response, into: &downstream)
        }
        assertFrames(try receive(downstream, into: &client, chunking: chunking), carry: responses, variant, context)
    }

    /// Each frame is its payload, followed by at most the variant's padding.
    private func assertFrames(
        _ frames: [[UInt8]], carry payloads: [[UInt8]], _ variant: FramingVariant, _ context: String,
        line: UInt = #line
    ) {
        XCTAssertEqual(frames.count, payloads.count, context, line: line)
        for (frame, payload) in zip(frames, payloads) {
            XCTAssertTrue(frame.starts(with: payload), "\(context): \(payload.count)-byte payload", line: line)
            XCTAssertTrue(
                (payload.count...payload.count + variant.maxPadding).contains(frame.count),
                "\(context): \(payload.count)-byte payload arrived as \(frame.count) bytes", line: line)
        }
    }
}
