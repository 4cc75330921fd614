import MTProto
import TL

extension SandboxAPI {
    /// The longest difference answered at once.
    static let differenceLimit = 100

    /// `updates.getChannelDifference`: posts, edits and deletions after `pts`, in pts order.
    ///
    /// Empty when nothing happened; `channelDifferenceTooLong` (with the latest messages) when `pts`
    /// predates genesis or the gap exceeds `configuration.differenceTooLong`.
    func getChannelDifference(_ request: Api.Updates.GetChannelDifference, context: RequestContext) -> Result<any TLSerializable, RPCError> {
        if let owner = groupOwner(request.channel, now: context.now) {
            return owner.flatMap { groupDifference(request, owner: $0, context: context) }
        }
        let channel: SyntheticChannel
        switch self.channel(request.channel, now: context.now) {
        case .success(let found): channel = found
        case .failure(let error): return .failure(error)
        }
        let now = context.unixNow
        return .success(difference(
            after: Int(request.pts), limit: Int(request.limit), of: ChatLog(
                channelID: channel.id, events: channel.events(through: now), genesisPts: channel.genesisPts,
                latest: { HistoryQuery(limit: Self.differenceLimit).ids(in: channel, at: now) },
                message: { channel.message($0, at: now) }, chats: world.chats(for: channel, at: context.now),
                users: { channel.users(inMessages: $0) })))
    }

    /// What a channel difference is made of: a chat's events since genesis and how its messages render.
    struct ChatLog {
        /// The channel's or group's id.
        let channelID: Int64
        let events: [ChannelEvent]
        let genesisPts: Int
        /// The newest ids, for a difference that is too long.
        let latest: () -> [Int]
        let message: (Int) -> Api.Message?
        let chats: [Api.Chat]
        let users: ([Api.Message]) -> [Api.User]
    }

    /// The difference of `log` after `pts`, at most `limit` events: empty when nothing happened;
    /// `channelDifferenceTooLong` (with the latest messages) when `pts` predates genesis or the gap exceeds
    /// `configuration.differenceTooLong`.
    func difference(after from: Int, limit requested: Int, of log: ChatLog) -> Api.Updates.ChannelDifference {
        let events = log.events
        let current = log.genesisPts + events.count
        if from >= current {
            return .channelDifferenceEmpty(.init(final: true, pts: Int32(current), timeout: 30))
        }
        if from < log.genesisPts || current - from > configuration.differenceTooLong {
            let latestIDs = log.latest()
            let latest = latestIDs.compactMap(log.message)
            let top = Int32(latestIDs.first ?? 0)
            let dialog = Api.Dialog.dialog(.init(
                peer: .peerChannel(.init(channelId: log.channelID)), topMessage: top, readInboxMaxId: top, readOutboxMaxId: 0, unreadCount: 0,
                unreadMentionsCount: 0, unreadReactionsCount: 0, unreadPollVotesCount: 0,
                notifySettings: Api.PeerNotifySettings(), pts: Int32(current)))
            return .channelDifferenceTooLong(.init(
                final: true, timeout: 30, dialog: dialog, messages: latest, chats: log.chats, users: log.users(latest)))
        }
        let limit = requested <= 0 ? Self.differenceLimit : min(requested, Self.differenceLimit)
        let start = from - log.genesisPts
        let slice = events[start..<min(start + limit, events.count)]
        let postedHere = Set(slice.filter { $0.change == .posted }.map(\.id))
        var newMessages: [Api.Message] = []
        var edited: [Api.Message] = []
        var otherUpdates: [Api.Update] = []
        for event in slice {
            switch event.change {
            case .posted:
                if let message = log.message(event.id) { newMessages.append(message) }
            case .edited:
                guard !postedHere.contains(event.id), let message = log.message(event.id) else { continue }
                edited.append(message)
                otherUpdates.append(.updateEditChannelMessage(.init(message: message, pts: Int32(event.pts), ptsCount: 1)))
            case .deleted:
                otherUpdates.append(.updateDeleteChannelMessages(.init(
                    channelId: log.channelID, messages: [Int32(event.id)], pts: Int32(event.pts), ptsCount: 1)))
            }
        }
        return .channelDifference(.init(
            final: slice.endIndex == events.count, pts: Int32(slice.last?.pts ?? current), timeout: 30,
            newMessages: newMessages, otherUpdates: otherUpdates, chats: log.chats, users: log.users(newMessages + edited)))
    }
}
