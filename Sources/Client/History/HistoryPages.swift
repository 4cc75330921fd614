import TL

/// The pages of one peer's history as `messages.getHistory` serves them (https://core.telegram.org/api/offsets),
/// newest first by `offset_id`, or oldest first by `offset_id = last + 1` with `add_offset = -limit`.
///
/// Guarantees: no id is yielded twice and ids only move in the reading direction (a page that
/// would go back is dropped; one with nothing new throws `ClientError.historyNotAdvancing`); pages
/// hold only messages inside the request's bounds; a short page does not end the sequence, only an
/// empty answer or reaching the id bound does (costing at most one extra request at the end).
public struct HistoryPages: AsyncSequence, Sendable {
    /// A page of messages.
    public typealias Element = HistoryPage

    /// Where requests go.
    public let invoker: any Invoker
    /// What to read.
    public let request: HistoryRequest

    /// The pages of `request`, fetched through `invoker` as they are consumed.
    public init(invoker: any Invoker, request: HistoryRequest) {
        self.invoker = invoker
        self.request = request
    }

    /// Starts reading.
    public func makeAsyncIterator() -> Iterator {
        Iterator(invoker: invoker, request: request)
    }

    /// Fetches pages one request at a time.
    public struct Iterator: AsyncIteratorProtocol, Sendable {
        let invoker: any Invoker
        let request: HistoryRequest
        /// The last id yielded (or skipped past) in the reading direction; nil before the first page.
        var lastID: Int?
        var finished = false

        /// The next non-empty page, or nil at the end.
        public mutating func next() async throws -> HistoryPage? {
            while !finished {
                let answer = try await invoker.invoke(GetHistoryKeepingBytes(query()))
                if let page = try take(answer) { return page }
            }
            return nil
        }

        /// The `messages.getHistory` call for the next page.
        func query() -> Api.Messages.GetHistory {
            let limit = Int32(request.pageSize)
            var offsetID: Int
            var offsetDate = 0
            var addOffset: Int32 = 0
            switch request.direction {
            case .newestFirst:
                offsetID = lastID ?? request.maxID
                offsetDate = request.maxDate ?? 0
            case .oldestFirst:
                addOffset = -limit
                offsetID = (lastID ?? request.minID) + 1
                if lastID == nil, request.minID == 0, let minDate = request.minDate {
                    offsetID = 0
                    offsetDate = minDate
                }
            }
            return Api.Messages.GetHistory(
                peer: request.peer, offsetId: Int32(clamping: offsetID), offsetDate: Int32(clamping: offsetDate),
                addOffset: addOffset, limit: limit, maxId: Int32(clamping: request.maxID),
                minId: Int32(clamping: request.minID), hash: 0)
        }

        /// Turns an answer into the page to yield (nil: nothing to yield, ask again unless finished).
        mutating func take(_ answer: ReceivedHistory) throws -> HistoryPage? {
            let received = answer.messages
            guard !received.isEmpty else {
                finished = true
                return nil
            }
            let fresh: [ReceivedMessage]
            switch request.direction {
            case .newestFirst:
                let below = lastID ?? (request.maxID > 0 ? request.maxID : Int.max)
                fresh = unique(received.filter { $0.messageID < below }).sorted { $0.messageID > $1.messageID }
            case .oldestFirst:
                let above = lastID ?? request.minID
                fresh = unique(received.filter { $0.messageID > above }).sorted { $0.messageID < $1.messageID }
            }
            guard let last = fresh.last?.messageID else {
                throw ClientError.historyNotAdvancing(offsetID: lastID ?? 0)
            }
            lastID = last
            switch request.direction {
            case .newestFirst:
                if last <= request.minID + 1 { finished = true }
                if let minDate = request.minDate, fresh.contains(where: { ($0.unixDate ?? minDate) < minDate }) { finished = true }
            case .oldestFirst:
                if request.maxID > 0, last >= request.maxID - 1 { finished = true }
                if let maxDate = request.maxDate, fresh.contains(where: { ($0.unixDate ?? 0) >= maxDate }) { finished = true }
            }
            let inside = fresh.filter { request.contains($0.value) }
            guard !inside.isEmpty else { return nil }
            return HistoryPage(messages: inside, chats: answer.chats, users: answer.users, received: received.count)
        }

        /// `messages` with repeated ids dropped (the first one kept).
        private func unique(_ messages: [ReceivedMessage]) -> [ReceivedMessage] {
            var seen = Set<Int>()
            return messages.filter { seen.insert($0.messageID).inserted }
        }
    }
}
