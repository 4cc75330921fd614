import Foundation
import MTProtoCrypto
import MTProtoTransport
import XCTest

/// The published framing vectors in `../shared/vectors/transport.json`. Each vector names its source;
/// they come from Lonami/grammers `grammers-mtproto/src/transport/{abridged,intermediate,full}.rs`
/// (commit fa7692e49f30) and gotd/td `proto/codec/{abridged,full}_test.go` (commit d0d567ee95e6).
/// tdlib's CRC32 references are checked in `CRC32Tests`. gotd's msg_id example
/// (`message_id_reference`, from `proto/message_id_test.go`) is skipped: message ids belong to the
/// session layer, not to the transport.
final class TransportVectorTests: XCTestCase {
    private struct Source: Decodable {
        let repo: String
        let path: String
        let test: String
    }

    private struct Vector: Decodable {
        let id: String
        let source: Source
        let payload: String?
        let framed: String?
        let includesInitTag: Bool?
        let seqNo: Int?
        let crc32: String?
        let received: String?
        let expected: String?

        var citation: String { "\(id) (\(source.repo) \(source.path) \(source.test))" }
    }

    private struct Section: Decodable {
        let vectors: [Vector]
    }

    private struct File: Decodable {
        let abridged: Section
        let intermediate: Section
        let full: Section
    }

    private var file: File!

    override func setUpWithError() throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        file = try decoder.decode(File.self, from: Data(contentsOf: transportVectorsURL))
    }

    func testAbridgedVectorsEncodeAndDecode() throws {
        let encodingVectors = try checkEncodingVectors(file.abridged.vectors, tag: [0xef]) {
            AbridgedFraming(role: $0)
        }
        XCTAssertEqual(encodingVectors, 6)
    }

    func testIntermediateVectorsEncodeAndDecode() throws {
        let encodingVectors = try checkEncodingVectors(file.intermediate.vectors, tag: [0xee, 0xee, 0xee, 0xee]) {
            IntermediateFraming(role: $0)
        }
        XCTAssertEqual(encodingVectors, 2)
    }

    func testFullVectorsEncodeWithSequenceNumberAndCRC() throws {
        var checked = 0
        for vector in file.full.vectors where vector.payload != nil {
            let payload = try XCTUnwrap(bytes(hex: vector.payload ?? ""), vector.citation)
            let framed = try XCTUnwrap(bytes(hex: vector.framed ?? ""), vector.citation)
            let sequence = try XCTUnwrap(vector.seqNo, vector.citation)
            // Frames before this one on the same connection carry the same payload; only the
            // sequence number (and so the CRC) depends on them.
            var client = FullFraming(role: .client)
            var earlierFrames: [UInt8] = []
            for _ in 0..<sequence {
                try client.encode(payload, into: &earlierFrames)
            }
            XCTAssertEqual(try client.encode(payload), framed, vector.citation)

            let crc = try XCTUnwrap(UInt32(vector.crc32 ?? ""), vector.citation)
            XCTAssertEqual(framed.suffix(4), littleEndian(crc)[...], vector.citation)

            var server = FullFraming(role: .server)
            let frames = try receive(earlierFrames + framed, into: &server, chunking: .singleBytes)
            XCTAssertEqual(frames.last, payload, vector.citation)
            XCTAssertEqual(frames.count, sequence + 1, vector.citation)
            checked += 1
        }
        XCTAssertEqual(checked, 4)
    }

    /// grammers `unpack_bad_crc`, `unpack_bad_seq` and `unpack_bad_status` (full.rs): the received
    /// bytes are described in words in the JSON, built here as described.
    func testFullVectorsRejectCorruptFrames() throws {
        let vectors = Dictionary(uniqueKeysWithValues: file.full.vectors.map { ($0.id, $0) })
        let normal = try XCTUnwrap(bytes(hex: vectors["grammers_full_pack_normal"]?.framed ?? ""))

        var badCRC = normal
        badCRC[badCRC.count - 1] ^= 0xff
        var badSequence = normal
        badSequence[4] = 1
        let cases: [(id: String, received: [UInt8], error: TransportError)] = [
            ("grammers_full_unpack_bad_crc", badCRC, .crcMismatch(expected: 932_541_318, got: 3_365_237_638)),
            ("grammers_full_unpack_bad_seq", badSequence, .badSequence(expected: 0, got: 1)),
            ("grammers_full_unpack_bad_status", try XCTUnwrap(bytes(hex: "6cfeffff")), .serverError(code: -404)),
        ]
        let errorVectors = file.full.vectors.filter { $0.received != nil }.map(\.id)
        XCTAssertEqual(Set(errorVectors), Set(cases.map(\.id)))
        for (id, received, error) in cases {
            let citation = vectors[id]?.citation ?? id
            XCTAssertNotNil(vectors[id]?.expected, citation)
            var client = FullFraming(role: .client)
            client.feed(received)
            XCTAssertEqual(transportError { () throws(TransportError) in try client.nextFrame() }, error, citation)
        }
    }

    /// Checks every vector of a tagged framing: payload vectors encode to `framed` (with the tag
    /// when the vector includes it) and decode back on a server; `received` vectors produce the
    /// expected outcome on a client. Returns how many payload vectors were checked.
    private func checkEncodingVectors(
        _ vectors: [Vector], tag: [UInt8], make: (TransportRole) -> some TransportFraming
    ) throws -> Int {
        var checked = 0
        for vector in vectors {
            if let received = vector.received {
                try checkReceivedVector(vector, received: received, client: make(.client))
                continue
            }
            let payload = try XCTUnwrap(bytes(hex: vector.payload ?? ""), vector.citation)
            let framed = try XCTUnwrap(bytes(hex: vector.framed ?? ""), vector.citation)
            let stream = vector.includesInitTag == true ? framed : tag + framed

            var client = make(.client)
            XCTAssertEqual(try client.encode(payload), stream, vector.citation)
            var server = make(.server)
            XCTAssertEqual(try receive(stream, into: &server, chunking: .singleBytes), [payload], vector.citation)
            checked += 1
        }
        return checked
    }

    /// A `received` vector: "error BadStatus { status: N }" must surface as `.serverError(code: -N)`;
    /// "error MissingBytes" means the decoder must wait for more bytes.
    private func checkReceivedVector(_ vector: Vector, received: String, client: some TransportFraming) throws {
        var client = client
        client.feed(try XCTUnwrap(bytes(hex: received), vector.citation))
        let expected = try XCTUnwrap(vector.expected, vector.citation)
        if expected == "error MissingBytes" {
            XCTAssertNil(try client.nextFrame(), vector.citation)
        } else {
            let status = try XCTUnwrap(
                expected.split(separator: " ").compactMap { Int32($0) }.first, vector.citation)
            XCTAssertEqual(
                transportError { () throws(TransportError) in try client.nextFrame() },
                .serverError(code: -status), vector.citation)
        }
    }

    private func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
