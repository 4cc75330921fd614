import TL

extension ClientSession {
    /// `rpc_result`: inflates a gzip_packed result, turns `rpc_error` into `RPCError`, and answers the request.
    ///
    /// `rpc_result#f35c6d01 req_msg_id:long result:Object` is read by hand: the result is the rest of the
    /// body, cut out of it in place rather than copied (a file part is 1 MiB).
    mutating func handleRPCResult(_ body: consuming [UInt8], events: inout [SessionEvent]) {
        let headerLength = 12
        guard body.count >= headerLength else {
            events.append(.rejected(.malformedBody(.truncated(offset: body.count, needed: headerLength - body.count))))
            return
        }
        let requestMessageID = Int64(bitPattern: body.littleEndianUInt64(at: 4))
        body.removeSubrange(..<headerLength)
        var payload = consume body
        if ServiceConstructor.of(payload) == ServiceConstructor.gzipPacked {
            do {
                payload = try GzipPacked.unpack(payload, limit: configuration.maximumInflatedSize)
            } catch {
                guard let id = requestsByMessageID.removeValue(forKey: requestMessageID) else { return }
                requests.removeValue(forKey: id)
                events.append(.failed(id, error))
                return
            }
        }
        guard ServiceConstructor.of(payload) == ServiceConstructor.rpcError else {
            answer(requestMessageID, with: .success(TLRawObject(bytes: payload)), events: &events)
            return
        }
        do {
            let error = try MT.RpcError(bytes: payload)
            answer(requestMessageID, with: .failure(RPCError(code: error.errorCode, message: error.errorMessage)), events: &events)
        } catch {
            events.append(.rejected(.malformedBody(error)))
        }
    }

    /// `msgs_ack`: marks the acknowledged requests (directly or through their container).
    mutating func handleAcknowledgement(of messageIDs: [Int64]) {
        for messageID in messageIDs {
            for inner in sentContainers[messageID] ?? [messageID] {
                if let id = requestsByMessageID[inner] { requests[id]?.acknowledged = true }
            }
        }
    }

    /// `msgs_state_req`: queues `msgs_state_info` with one status byte per asked msg_id.
    mutating func answerStateRequest(_ request: MT.MsgsStateReq, requestID: Int64) {
        let unacknowledged = Set(pendingAcks)
        let info = request.msgIds.map { received.status(of: $0, acknowledged: !unacknowledged.contains($0)) }
        pendingService.append(MT.MsgsStateInfo(reqMsgId: requestID, info: info).serialized())
    }

    /// `msg_detailed_info` / `msg_new_detailed_info`: acknowledges the answer if it arrived, otherwise
    /// asks for it again with `msg_resend_req` (service_messages_about_messages, "Extended Voluntary
    /// Communication of Status of One Message").
    mutating func handleDetailedInfo(_ info: MT.MsgDetailedInfo) {
        let answerID = switch info {
        case .msgDetailedInfo(let value): value.answerMsgId
        case .msgNewDetailedInfo(let value): value.answerMsgId
        }
        if received.contains(answerID) {
            pendingAcks.append(answerID)
        } else {
            // Sent as not content-related, as Telegram Android does.
            pendingService.append(MT.MsgResendReq(msgIds: [answerID]).serialized())
        }
    }

    /// `new_session_created`: adopts the salt and queues again what the old session may have lost.
    mutating func handleNewSession(_ created: MT.NewSession, events: inout [SessionEvent]) {
        salt = created.serverSalt
        futureSalts = []
        let lost = inFlightRequests.filter { id in
            requests[id]?.messageID.map { $0 < created.firstMsgId } ?? false
        }
        requeue(lost)
        events.append(.newSession(firstMessageID: created.firstMsgId))
        if !lost.isEmpty { events.append(.resendScheduled(lost)) }
    }
}
