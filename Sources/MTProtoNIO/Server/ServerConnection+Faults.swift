import MTProto

extension ServerConnection {
    /// Gives the session a new salt every `period` until the task is cancelled; the client's next
    /// message with the old salt gets `bad_server_salt`.
    func rotateSalt(every period: Duration) async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: period)
            } catch {
                return
            }
            guard !isClosing, session != nil else { continue }
            session?.changeSalt(to: Int64(bitPattern: faultRandom.next()))
            await ledger.record(\.saltRotations)
        }
    }

    /// With the configured probability, makes the session ignore the next packet with
    /// `bad_msg_notification` 16 or 17 (either, at random).
    func injectBadTime() {
        guard faultRandom.chance(configuration.faults.badTimeProbability) else { return }
        session?.injectBadMessage(faultRandom.next() & 1 == 0 ? .messageIDTooLow : .messageIDTooHigh)
    }

    /// How long to hold back the next reply, if at all.
    func drawReplyDelay() -> Duration? {
        guard let delay = configuration.faults.replyDelay, delay.maximum > .zero else { return nil }
        guard delay.isRandom else { return delay.maximum }
        return delay.maximum * Double.random(in: 0...1, using: &faultRandom)
    }
}
