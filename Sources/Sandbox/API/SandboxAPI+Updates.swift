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
        let events = channel.events(through: now)
        let current = channel.genesisPts + events.count
        let from = Int(request.pts)
        if from >= current {
            return .success(Api.Updates.ChannelDifference.channelDifferenceEmpty(.init(final: true, pts: Int32(current), timeout: 30)))
        }
        let chats = world.chats(for: channel, at: context.now)
        if from < channel.genesisPts || current - from > configuration.differenceTooLong {
            let latest = HistoryQuery(limit: Self.differenceLimit).ids(in: channel, at: now)
            let dialog = Api.Dialog.dialog(.init(
                peer: channel.peer, topMessage: Int32(latest.first ?? 0), readInboxMaxId: Int32(latest.first ?? 0),
                readOutboxMaxId: 0, unreadCount: 0, unreadMentionsCount: 0, unreadReactionsCount: 0,
                unreadPollVotesCount: 0, notifySettings: Api.PeerNotifySettings(), pts: Int32(current)))
            return .success(Api.Updates.ChannelDifference.channelDifferenceTooLong(.init(
                final: true, timeout: 30, dialog: dialog, messages: latest.compactMap { channel.message($0, at: now) },
                chats: chats, users: [])))
        }
        let limit = request.limit <= 0 ? Self.differenceLimit : min(Int(request.limit), Self.differenceLimit)
        let start = from - channel.genesisPts
        let slice = events[start..<min(start + limit, events.count)]
        let postedHere = Set(slice.filter { $0.change == .posted }.map(\.id))
        var newMessages: [Api.Message] = []
        var otherUpdates: [Api.Update] = []
        for event in slice {
            switch event.change {
            case .posted:
                if let message = channel.message(event.id, at: now) { newMessages.append(message) }
            case .edited:
                guard !postedHere.contains(event.id), let message = channel.message(event.id, at: now) else { continue }
                otherUpdates.append(.updateEditChannelMessage(.init(message: message, pts: Int32(event.pts), ptsCount: 1)))
            case .deleted:
                otherUpdates.append(.updateDeleteChannelMessages(.init(
                    channelId: channel.id, messages: [Int32(event.id)], pts: Int32(event.pts), ptsCount: 1)))
            }
        }
        return .success(Api.Updates.ChannelDifference.channelDifference(.init(
            final: slice.endIndex == events.count, pts: Int32(slice.last?.pts ?? current), timeout: 30,
            newMessages: newMessages, otherUpdates: otherUpdates, chats: chats, users: [])))
    }
}
