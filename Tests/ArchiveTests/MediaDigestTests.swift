import TL
import XCTest
@testable import Archive

/// The media fingerprint is FNV-1a over the media's compact JSON without `file_reference` and `results`
/// members, at any depth; the single-pass scanner must agree with that definition.
final class MediaDigestTests: XCTestCase {
    func testTheScannerAgreesWithTheDefinition() throws {
        let poll = Api.MessageMedia.messageMediaPoll(Api.MessageMedia.MessageMediaPoll(
            poll: Api.Poll(id: 9, question: Api.TextWithEntities(text: "a,\"results\": b", entities: []), answers: [],
                           hash: 0),
            results: Api.PollResults(results: [], totalVoters: 4)))
        let medias: [Api.MessageMedia] = [Fixtures.photo(id: 1), Fixtures.photo(id: 1, reference: []), poll,
                                          .messageMediaUnsupported]
        for media in medias {
            var json = TLJSONWriter()
            media.writeJSON(into: &json)
            XCTAssertEqual(MediaDigest.of(json: json.bytes), try definition(media), media.jsonText)
        }
    }

    func testVolatileMembersDoNotCountButEverythingElseDoes() {
        let first = Fixtures.photo(id: 1, reference: [1, 2, 3])
        let refreshed = Fixtures.photo(id: 1, reference: [9, 9])
        let replaced = Fixtures.photo(id: 2, reference: [1, 2, 3])
        XCTAssertEqual(digest(first), digest(refreshed))
        XCTAssertNotEqual(digest(first), digest(replaced))
    }

    private func digest(_ media: Api.MessageMedia) -> Int64 {
        var json = TLJSONWriter()
        media.writeJSON(into: &json)
        return MediaDigest.of(json: json.bytes)
    }

    /// The definition, computed the slow way: the codec's JSON tree, volatile members removed, printed, hashed.
    private func definition(_ media: Api.MessageMedia) throws -> Int64 {
        func stable(_ value: TLJSONValue) -> TLJSONValue {
            switch value {
            case .object(let pairs):
                return .object(pairs.filter { $0.0 != "file_reference" && $0.0 != "results" }.map { ($0.0, stable($0.1)) })
            case .array(let items):
                return .array(items.map(stable))
            default:
                return value
            }
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stable(try TLJSONCodec().decode(media.serialized())).text(pretty: false).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}
