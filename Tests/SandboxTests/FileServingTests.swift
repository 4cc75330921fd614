import Foundation
import MTProto
import MTProtoCrypto
import TL
import XCTest
@testable import Sandbox

/// `upload.getFile` as Telegram answers it: the parts, their rules and errors, files on other DCs,
/// expiring references, and the download limits.
final class FileServingTests: XCTestCase {
    private let world = World(spec: .builtIn)
    /// @sandbox_media's media truth a day after genesis, hashed once for the suite (some 450 MB).
    private static let records: [MediaTruthRecord] = {
        let world = World(spec: .builtIn)
        guard let channel = world.channel(username: "sandbox_media") else { return [] }
        return Array(world.mediaTruth(channel: channel, at: WorldSpec.builtIn.genesis.addingTimeInterval(86_400)))
    }()

    /// A harness logged in as Alice (DC 2) one day after genesis.
    private func harness(flood: FloodPolicy = .off, fileReferenceExpiry: Double = 0) throws -> SandboxHarness {
        var harness = SandboxHarness(flood: flood, offset: 86_400)
        harness.api = SandboxAPI(world: world, configuration: {
            var configuration = harness.api.configuration
            configuration.fileReferenceExpiry = fileReferenceExpiry
            return configuration
        }())
        try harness.logIn()
        return harness
    }

    /// The media truth of @sandbox_media now.
    private func mediaTruth() throws -> [MediaTruthRecord] {
        try XCTUnwrap(Self.records.isEmpty ? nil : Self.records)
    }

    /// The default download location of message `id` of @sandbox_media, fetched as a client would.
    private func location(of id: Int, in harness: inout SandboxHarness) throws -> Api.InputFileLocation {
        let answer = try harness.value(Api.Channels.GetMessages(channel: harness.input("sandbox_media"), id: [.inputMessageID(.init(id: Int32(id)))]))
        guard case .channelMessages(let page) = answer, case .message(let message)? = page.messages.first else { throw HarnessError.unexpected }
        switch message.media {
        case .messageMediaPhoto(let media)?:
            guard case .photo(let photo)? = media.photo else { throw HarnessError.unexpected }
            let largest = try XCTUnwrap(world.channel(username: "sandbox_media")?.mediaPlan(id)?.mainFile(seed: world.spec.seed)?.thumbSize)
            return .inputPhotoFileLocation(.init(id: photo.id, accessHash: photo.accessHash, fileReference: photo.fileReference, thumbSize: largest))
        case .messageMediaDocument(let media)?:
            guard case .document(let document)? = media.document else { throw HarnessError.unexpected }
            return .inputDocumentFileLocation(.init(
                id: document.id, accessHash: document.accessHash, fileReference: document.fileReference, thumbSize: ""))
        default:
            throw HarnessError.unexpected
        }
    }

    private func getFile(_ location: Api.InputFileLocation, offset: Int64, limit: Int32, precise: Bool = false) -> Api.Upload.GetFile {
        Api.Upload.GetFile(precise: precise, location: location, offset: offset, limit: limit)
    }

    private func bytes(of file: Api.Upload.File) throws -> [UInt8] {
        guard case .file(let value) = file else { throw HarnessError.unexpected }
        return value.bytes
    }

    func testMediaChannelHasAlbumsAndDocumentsOfAtLeast64MBOnEveryDC() throws {
        let records = try mediaTruth()
        XCTAssertGreaterThan(records.count, 100)
        XCTAssertEqual(Set(records.map(\.dc)), [1, 2, 3])
        XCTAssertGreaterThanOrEqual(Set(records.compactMap(\.groupedID)).count, 2)
        XCTAssertTrue(records.contains { $0.kind == .document && $0.size >= 64 << 20 && $0.dc == 2 })
        XCTAssertTrue(records.contains { $0.kind == .document && $0.size >= 64 << 20 && $0.dc != 2 })
        XCTAssertTrue(records.contains { $0.kind == .document && $0.size < 16_384 })
        XCTAssertTrue(records.contains { $0.thumbSize == "y" })
    }

    func testPartsConcatenateToTheTruthFileOnTheHomeDC() throws {
        var harness = try harness()
        let record = try XCTUnwrap(try mediaTruth().first { $0.dc == 2 && $0.size > 300_000 && $0.size < 4 << 20 })
        let location = try location(of: record.id, in: &harness)
        let stream = SHA256Stream()
        var offset: Int64 = 0
        while true {
            let part = try bytes(of: harness.value(getFile(location, offset: offset, limit: 256 << 10)))
            stream.update(part)
            offset += Int64(part.count)
            if part.count < 256 << 10 { break }
        }
        XCTAssertEqual(Int(offset), record.size)
        XCTAssertEqual(stream.finish().map { String(format: "%02x", $0) }.joined(), record.sha256)
        XCTAssertEqual(try bytes(of: harness.value(getFile(location, offset: 8 << 20, limit: 4_096))), [], "past the end is empty")
    }

    func testPartRulesAnswerLimitAndOffsetInvalid() throws {
        var harness = try harness()
        let record = try XCTUnwrap(try mediaTruth().first { $0.dc == 2 && $0.size > 3 << 20 })
        let location = try location(of: record.id, in: &harness)
        for (offset, limit) in [(0, 1_000), (0, 0), (0, 2 << 20), (0, 12_288), ((1 << 20) - 4_096, 8_192)] as [(Int64, Int32)] {
            XCTAssertEqual(try harness.error(getFile(location, offset: offset, limit: limit)), RPCError(.limitInvalid), "\(offset)+\(limit)")
        }
        for offset in [1_000, -4_096] as [Int64] {
            XCTAssertEqual(try harness.error(getFile(location, offset: offset, limit: 4_096)), RPCError(.offsetInvalid), "\(offset)")
        }
        // precise: 1 KiB multiples, across the 1 MiB boundary.
        let precise = try bytes(of: harness.value(getFile(location, offset: (1 << 20) - 1_024, limit: 3_072, precise: true)))
        let plain = try bytes(of: harness.value(getFile(location, offset: 1 << 20, limit: 4_096)))
        XCTAssertEqual(precise.count, 3_072)
        XCTAssertEqual(Array(precise[1_024...]), Array(plain.prefix(2_048)))
    }

    func testWrongFilesAnswerFileIDOrLocationInvalid() throws {
        var harness = try harness()
        let records = try mediaTruth()
        let photo = try XCTUnwrap(records.first { $0.kind == .photo && $0.dc == 2 })
        let document = try XCTUnwrap(records.first { $0.kind == .document && $0.dc == 2 })
        guard case .inputPhotoFileLocation(let photoLocation) = try location(of: photo.id, in: &harness),
              case .inputDocumentFileLocation(let documentLocation) = try location(of: document.id, in: &harness) else {
            throw HarnessError.unexpected
        }
        var wrongHash = photoLocation
        wrongHash.accessHash ^= 1
        XCTAssertEqual(try harness.error(getFile(.inputPhotoFileLocation(wrongHash), offset: 0, limit: 4_096)), RPCError(.fileIdInvalid))
        var unknown = documentLocation
        unknown.id = 12_345
        XCTAssertEqual(try harness.error(getFile(.inputDocumentFileLocation(unknown), offset: 0, limit: 4_096)), RPCError(.fileIdInvalid))
        var stripped = photoLocation
        stripped.thumbSize = "i"
        XCTAssertEqual(try harness.error(getFile(.inputPhotoFileLocation(stripped), offset: 0, limit: 4_096)), RPCError(.locationInvalid))
        var documentThumb = documentLocation
        documentThumb.thumbSize = "m"
        XCTAssertEqual(try harness.error(getFile(.inputDocumentFileLocation(documentThumb), offset: 0, limit: 4_096)), RPCError(.locationInvalid))
        XCTAssertEqual(try harness.error(getFile(.inputEncryptedFileLocation(.init(id: 1, accessHash: 2)), offset: 0, limit: 4_096)), RPCError(.locationInvalid))
    }

    func testFileOnAnotherDCAnswersFileMigrateAndAnImportedLoginThereServesIt() throws {
        var home = try harness()
        let record = try XCTUnwrap(try mediaTruth().first { $0.dc == 1 })
        let location = try location(of: record.id, in: &home)
        XCTAssertEqual(try home.error(getFile(location, offset: 0, limit: 4_096)), RPCError(.fileMigrateX, value: 1))

        let exported = try home.value(Api.Auth.ExportAuthorization(dcId: 1))
        XCTAssertEqual(try home.error(Api.Auth.ExportAuthorization(dcId: 2)), RPCError(.dcIdInvalid), "not for the DC asked")
        var foreign = home
        foreign.caller = SandboxCaller(authKeyID: 0x0D_C1, dc: 1)
        XCTAssertEqual(try foreign.error(getFile(location, offset: 0, limit: 4_096)), RPCError(.authKeyUnregistered))
        XCTAssertEqual(try foreign.error(Api.Auth.ImportAuthorization(id: exported.id, bytes: exported.bytes.reversed())), RPCError(.authBytesInvalid))
        var third = foreign
        third.caller = SandboxCaller(authKeyID: 0x0D_C3, dc: 3)
        XCTAssertEqual(try third.error(Api.Auth.ImportAuthorization(id: exported.id, bytes: exported.bytes)), RPCError(.authBytesInvalid), "for DC 1 only")
        foreign.state = third.state
        _ = try foreign.value(Api.Auth.ImportAuthorization(id: exported.id, bytes: exported.bytes))
        let part = try bytes(of: foreign.value(getFile(location, offset: 0, limit: 4_096)))
        XCTAssertEqual(part, FileContent.bytes(key: try fileKey(record), offset: 0, count: min(4_096, record.size)))
        var second = foreign
        second.caller = SandboxCaller(authKeyID: 0x0D_C2, dc: 1)
        _ = try second.value(Api.Auth.ImportAuthorization(id: exported.id, bytes: exported.bytes))
        XCTAssertNotNil(try second.value(getFile(location, offset: 0, limit: 4_096)), "another key on DC 1 imports it too")
    }

    func testExpiredReferenceIsRefusedUntilTheMessageIsFetchedAgain() throws {
        var harness = try harness(fileReferenceExpiry: 1)
        let record = try XCTUnwrap(try mediaTruth().first { $0.dc == 2 })
        let stale = try location(of: record.id, in: &harness)
        XCTAssertEqual(try harness.error(getFile(stale, offset: 0, limit: 4_096)), RPCError(.fileReferenceExpired))
        harness.api = SandboxAPI(world: world, configuration: SandboxConfiguration(flood: .off))
        XCTAssertEqual(try harness.error(getFile(stale, offset: 0, limit: 4_096)), RPCError(.fileReferenceExpired), "the old reference stays expired")
        let fresh = try location(of: record.id, in: &harness)
        XCTAssertNotEqual(fresh, stale)
        XCTAssertFalse(try bytes(of: harness.value(getFile(fresh, offset: 0, limit: 4_096))).isEmpty)
    }

    func testDownloadBytesBudgetAnswersFloodPremiumWaitAndGetFileHasItsOwnRule() throws {
        var budget = try harness(flood: FloodPolicy(rules: [:], downloadBytes: FloodRule(limit: 2 << 20, window: 60)))
        let record = try XCTUnwrap(try mediaTruth().first { $0.dc == 2 && $0.size > 4 << 20 })
        let location = try location(of: record.id, in: &budget)
        _ = try budget.value(getFile(location, offset: 0, limit: 1 << 20))
        _ = try budget.value(getFile(location, offset: 1 << 20, limit: 1 << 20))
        let refused = try XCTUnwrap(try budget.error(getFile(location, offset: 2 << 20, limit: 1 << 20)))
        XCTAssertEqual(refused.name, .floodPremiumWaitX)
        XCTAssertEqual(refused.value, 60)
        budget.now = budget.now.addingTimeInterval(61)
        XCTAssertNoThrow(try budget.value(getFile(location, offset: 2 << 20, limit: 1 << 20)))

        var parts = try harness(flood: FloodPolicy(rules: ["upload.getFile": FloodRule(limit: 3, window: 10)]))
        for _ in 0..<3 { _ = try parts.value(getFile(location, offset: 0, limit: 4_096)) }
        XCTAssertEqual(try parts.error(getFile(location, offset: 0, limit: 4_096))?.name, .floodWaitX)
        XCTAssertEqual(try parts.page("sandbox_news", limit: 5).count, 5, "history keeps its own budget")
    }

    func testContentIsTheSameWhateverTheOffsetAndFaultsParseFileref() throws {
        let whole = FileContent.bytes(key: 42, offset: 0, count: 100)
        XCTAssertEqual(FileContent.bytes(key: 42, offset: 13, count: 64), Array(whole[13..<77]))
        XCTAssertNotEqual(FileContent.bytes(key: 43, offset: 0, count: 100), whole)
        XCTAssertEqual(try SandboxFaults(parsing: "fileref=0.25").fileReferenceExpiry, 0.25)
        XCTAssertThrowsError(try SandboxFaults(parsing: "fileref=2"))
    }

    private func fileKey(_ record: MediaTruthRecord) throws -> UInt64 {
        let plan = try XCTUnwrap(world.channel(username: "sandbox_media")?.mediaPlan(record.id))
        return try XCTUnwrap(plan.mainFile(seed: world.spec.seed)).file.key
    }
}
