import TL

extension ClientSession {
    /// `bad_msg_notification` / `bad_server_salt`
    /// (https://core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message).
    ///
    /// The server ignored the message `bad_msg_id` (a request, a container of requests, or acks):
    /// - 16, 17: the clock is off; take the server time from the notification's msg_id, then resend.
    /// - 48 (`bad_server_salt`): adopt the new salt, then resend.
    /// - 19: the container id collided; resend with new ids.
    /// - 32, 33: seqnos are out of step; start a new session and resend everything unanswered.
    /// - 18, 20, 34, 35, 64 and unknown codes: resending the same message cannot help; fail the requests.
    ///
    /// Notifications about messages this session did not send are ignored.
    mutating func handleBadMessage(
        _ notification: MT.BadMsgNotification, notificationID: Int64, now: UnixTime, events: inout [SessionEvent]
    ) {
        let badID: Int64
        let code: BadMessageCode
        switch notification {
        case .badMsgNotification(let value):
            (badID, code) = (value.badMsgId, BadMessageCode(rawValue: value.errorCode))
        case .badServerSalt(let value):
            (badID, code) = (value.badMsgId, BadMessageCode(rawValue: value.errorCode))
        }
        // The docs require checking that we really sent the message before trusting the notification.
        guard wasRecentlySent(badID) else { return }
        if case .badServerSalt(let value) = notification {
            salt = value.newServerSalt
            futureSalts = []
        }
        let affected = requestsCarried(by: badID)
        switch code {
        case .messageIDTooLow, .messageIDTooHigh:
            messageIDs.correct(timeOffset: MessageID.seconds(of: notificationID) - now.seconds)
            resend(affected, after: code, events: &events)
        case .badServerSalt, .containerIDReused:
            resend(affected, after: code, events: &events)
        case .seqNoTooLow, .seqNoTooHigh:
            needsNewSession = true
            let others = inFlightRequests.filter { !affected.contains($0) }
            resend(affected, after: code, events: &events)
            requeue(others)
            if !others.isEmpty { events.append(.resendScheduled(others)) }
        default:
            for id in affected { fail(id, .badMessage(code), events: &events) }
        }
    }

    /// The requests a sent message carried; acknowledgements it carried go back to the pending list.
    private mutating func requestsCarried(by messageID: Int64) -> [RequestID] {
        var ids: [RequestID] = []
        for inner in sentContainers[messageID] ?? [messageID] {
            if let id = requestsByMessageID[inner] {
                ids.append(id)
            } else if let acks = sentAcks.remove(inner) {
                pendingAcks.insert(contentsOf: acks, at: 0)
            }
        }
        return ids.sorted()
    }

    /// Queues `ids` again, failing those that were already resent `maximumResends` times.
    private mutating func resend(_ ids: [RequestID], after code: BadMessageCode, events: inout [SessionEvent]) {
        var again: [RequestID] = []
        for id in ids {
            guard let resends = requests[id]?.resends else { continue }
            if resends >= configuration.maximumResends {
                fail(id, .tooManyResends(code), events: &events)
            } else {
                requests[id]?.resends = resends + 1
                again.append(id)
            }
        }
        requeue(again)
        if !again.isEmpty { events.append(.resendScheduled(again)) }
    }

    private mutating func fail(_ id: RequestID, _ error: MTProtoError, events: inout [SessionEvent]) {
        guard let request = requests.removeValue(forKey: id) else { return }
        if let messageID = request.messageID { requestsByMessageID.removeValue(forKey: messageID) }
        queue.removeAll { $0 == id }
        events.append(.failed(id, error))
    }
}
