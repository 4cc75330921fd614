import MTProtoCrypto
import TL
import XCTest
@testable import MTProto

/// Client and server sessions exchanging requests, answers and updates in memory.
final class SessionExchangeTests: XCTestCase {
    /// A TL-shaped test body: a made-up constructor id, then `length - 4` bytes that are either
    /// compressible (a repeated pattern) or random.
    private func body(length: Int, compressible: Bool, random: inout SeededRandom) -> [UInt8] {
        let payload = compressible
            ? (0..<(length - 4)).map { UInt8(truncatingIfNeeded: $0 % 7) }
            : random.bytes(length - 4)
        return [0xef, 0xbe, 0xad, 0xde] + payload
    }

    func testThousandsOfRandomSizedRequestsAreAnsweredThroughContainersAndGzipBothWays() throws {
        var harness = SessionHarness(seed: 1)
        var random = SeededRandom(seed: 2)
        var sent: [RequestID: [UInt8]] = [:]
        var payloadBytes = 0
        for round in 0..<20 {
            for _ in 0..<100 {
                let bytes = body(length: 4 * random.int(in: 1...1500), compressible: random.int(in: 0...9) < 7, random: &random)
                payloadBytes += bytes.count
                sent[harness.client.push(bytes)] = bytes
            }
            // Alternate between draining everything and letting requests pile up across rounds.
            if round % 2 == 1 { harness.pump() }
        }
        harness.pump()

        let results = harness.results
        XCTAssertEqual(results.count, 2000)
        for (id, bytes) in sent {
            XCTAssertEqual(try results[id]?.get().bytes, bytes, "request \(id)")
        }
        XCTAssertLessThan(harness.clientPackets, 200, "requests should travel in containers")
        XCTAssertLessThan(harness.clientBytes, payloadBytes, "requests should travel gzip_packed")
        XCTAssertLessThan(harness.serverBytes, payloadBytes, "results should travel gzip_packed")
        XCTAssertTrue(harness.client.inFlightRequests.isEmpty)
        XCTAssertFalse(harness.clientEvents.contains { if case .rejected = $0 { true } else { false } })
    }

    func testFilePartsAreNeverGzipPackedEvenWhenTheyWouldShrink() throws {
        var harness = SessionHarness(seed: 5)
        // An upload.file answer of 64 KiB of zeros: gzip would shrink it to almost nothing.
        let part = withUnsafeBytes(of: Api.Upload.File.File.constructorID.littleEndian, Array.init) + [UInt8](repeating: 0, count: 65_536)
        let id = harness.client.push(part)
        harness.pump()

        XCTAssertEqual(try harness.results[id]?.get().bytes, part)
        XCTAssertLessThan(harness.clientBytes, 4_096, "the request went gzip_packed")
        XCTAssertGreaterThan(harness.serverBytes, 65_536, "the file part went as it is")
    }

    func testContainersRespectTheMessageCountLimit() {
        var harness = SessionHarness(seed: 3, client: SessionConfiguration(maximumContainerMessages: 8))
        for index in 0..<20 { _ = harness.client.push([0x01, 0x00, 0x00, UInt8(index)]) }
        harness.deliverClientPackets()
        XCTAssertEqual(harness.clientPackets, 3)
        harness.pump()
        XCTAssertEqual(harness.results.count, 20)
    }

    func testOversizedRequestTravelsAloneOutsideAContainer() {
        var harness = SessionHarness(seed: 4, client: SessionConfiguration(compressionThreshold: nil, maximumContainerBytes: 1000))
        var random = SeededRandom(seed: 5)
        let large = body(length: 4000, compressible: false, random: &random)
        let small = harness.client.push([1, 0, 0, 0])
        let big = harness.client.push(large)
        harness.pump()
        XCTAssertEqual(try harness.results[big]?.get().bytes, large)
        XCTAssertNotNil(harness.results[small])
    }

    func testRPCErrorIsDeliveredWithItsParsedWait() {
        var harness = SessionHarness(seed: 6)
        harness.echoRequests = false
        let id = harness.client.push([1, 0, 0, 0])
        for case .request(let request) in harness.deliverClientPackets() {
            harness.server.reply(to: request.messageID, error: RPCError(code: 420, message: "FLOOD_WAIT_30"))
        }
        harness.deliverServerPackets()
        XCTAssertEqual(harness.results[id], .failure(RPCError(code: 420, message: "FLOOD_WAIT_30")))
        if case .failure(let error) = harness.results[id] { XCTAssertEqual(error.waitSeconds, 30) }
    }

    func testTypedRequestResultDecodesThroughTheFunctionsResultType() throws {
        var harness = SessionHarness(seed: 7)
        let ping = harness.client.push(MT.Ping(pingId: 77))
        harness.pump()
        let pong = try XCTUnwrap(harness.results[ping]).get().decode(resultOf: MT.Ping.self)
        XCTAssertEqual(pong.pingId, 77)
    }

    func testServerUpdatesArriveAsRawObjectsAndAreAcknowledged() {
        var harness = SessionHarness(seed: 8)
        _ = harness.client.push([1, 0, 0, 0])
        harness.pump()
        let update: [UInt8] = [0x44, 0x33, 0x22, 0x11, 9, 9, 9, 9]
        harness.server.send(update: update)
        let events = harness.deliverServerPackets()
        XCTAssertEqual(events, [.update(TLRawObject(bytes: update))])
        harness.deliverClientPackets(flushAcks: true)
        XCTAssertTrue(harness.serverEvents.contains { if case .acknowledged(let ids) = $0 { !ids.isEmpty } else { false } })
    }

    func testAcknowledgementsWaitForTheThresholdUnlessFlushed() {
        var harness = SessionHarness(seed: 9, client: SessionConfiguration(ackFlushThreshold: 3))
        _ = harness.client.push([1, 0, 0, 0])
        harness.deliverClientPackets()
        harness.deliverServerPackets()
        // One result (and new_session_created) pending acknowledgement: below the threshold.
        XCTAssertNil(harness.client.nextPacket(now: harness.clientClock, random: &harness.random))
        harness.server.send(update: [5, 0, 0, 0])
        harness.deliverServerPackets()
        XCTAssertNotNil(harness.client.nextPacket(now: harness.clientClock, random: &harness.random))
    }

    func testServerAcknowledgementMarksTheRequest() {
        var harness = SessionHarness(seed: 10)
        harness.echoRequests = false
        let id = harness.client.push([1, 0, 0, 0])
        harness.deliverClientPackets()
        XCTAssertFalse(harness.client.isAcknowledged(id))
        harness.deliverServerPackets(flushAcks: true)
        XCTAssertTrue(harness.client.isAcknowledged(id))
        XCTAssertEqual(harness.client.inFlightRequests, [id])
    }

    func testInFlightRequestsAreSentAgainAfterAReconnect() {
        var harness = SessionHarness(seed: 11)
        let id = harness.client.push([1, 0, 0, 0])
        // The packet is lost with the connection.
        XCTAssertNotNil(harness.client.nextPacket(now: harness.clientClock, random: &harness.random))
        XCTAssertEqual(harness.client.inFlightRequests, [id])
        XCTAssertEqual(harness.client.requeueInFlightRequests(), [id])
        XCTAssertEqual(harness.client.queuedRequests, [id])
        harness.pump()
        XCTAssertNotNil(harness.results[id])
    }

    func testFutureSaltsAnswerTheRequestAndBecomeTheSalt() throws {
        var harness = SessionHarness(seed: 12)
        let id = harness.client.push(MT.GetFutureSalts(num: 1))
        harness.pump()
        let salts = try XCTUnwrap(harness.results[id]).get().decode(resultOf: MT.GetFutureSalts.self)
        XCTAssertEqual(salts.salts.first?.salt, harness.server.salt)
        harness.server.changeSalt(to: 0x1234)
        let next = harness.client.push(MT.GetFutureSalts(num: 1))
        harness.pump()
        XCTAssertEqual(harness.client.salt, 0x1234)
        XCTAssertNotNil(harness.results[next])
    }

    func testServerResendRequestMakesTheClientSendTheRequestAgain() throws {
        var harness = SessionHarness(seed: 13)
        harness.echoRequests = false
        let id = harness.client.push([1, 0, 0, 0])
        let firstEvents = harness.deliverClientPackets()
        guard case .request(let request) = firstEvents.last else { return XCTFail("no request in \(firstEvents)") }
        harness.server.send(service: MT.MsgResendReq(msgIds: [request.messageID]).serialized(), contentRelated: false)
        XCTAssertTrue(harness.deliverServerPackets().contains(.resendScheduled([id])))
        harness.echoRequests = true
        harness.pump()
        XCTAssertNotNil(harness.results[id])
    }

    func testRequestIDsStrictlyIncreaseWhileTheClientClockGoesBackwards() {
        var harness = SessionHarness(seed: 14)
        harness.echoRequests = false
        for step in 0..<50 {
            _ = harness.client.push([1, 0, 0, UInt8(step)])
            harness.clientClock = harness.clientClock.adding(seconds: step % 2 == 0 ? -3 : 1)
            harness.deliverClientPackets()
        }
        let ids = harness.serverEvents.compactMap { event -> Int64? in
            if case .request(let request) = event { request.messageID } else { nil }
        }
        XCTAssertEqual(ids.count, 50)
        XCTAssertEqual(ids, ids.sorted())
        XCTAssertEqual(Set(ids).count, 50)
    }
}
