/// The kinds of API call the governor limits separately, each with its own token bucket.
///
/// Telegram applies its flood limits per method. Grouping the functions by how an archiver uses them
/// keeps one bucket per limit that matters instead of one per function.
public enum MethodClass: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    /// Paging through messages: `messages.getHistory`, `channels.getMessages`, `updates.getChannelDifference`.
    case history
    /// Turning a username or invite into a peer, e.g. `contacts.resolveUsername`: the most tightly limited calls.
    case resolve
    /// Full peer information: `channels.getFullChannel`, `users.getFullUser`, a forum's topics.
    case fullInfo
    /// File parts: `upload.getFile`, limited by Telegram separately from message reads (and by bytes,
    /// `FLOOD_PREMIUM_WAIT_X`, for accounts without Premium).
    case files
    /// Joining a chat: `messages.importChatInvite`, `channels.joinChannel`. Telegram bans accounts that join
    /// many chats quickly, so this class is paced in hours, not seconds, and a join that would wait longer than
    /// the caller allows defers its run instead.
    case join
    /// Every other function.
    case other

    /// Whether a call waits out one token's refill of its class whatever the caller's maximum wait: the steady
    /// pacing is the rate itself. Not for `join`, whose refill takes hours: a run defers rather than sleep that long.
    public var waitsOutPacing: Bool { self != .join }

    /// The class of the TL function named `methodName` (e.g. `messages.getHistory`); unknown names are `.other`.
    public static func classify(methodName: String) -> MethodClass {
        knownMethods[methodName] ?? .other
    }

    /// Functions whose class is not `.other`, by TL name.
    ///
    /// The history class also takes the other paging reads of messages (replies, search, by id): they share
    /// the server's message-read limits, and an archiver runs them in the same loops.
    private static let knownMethods: [String: MethodClass] = [
        "messages.getHistory": .history,
        "messages.getReplies": .history,
        "messages.getMessages": .history,
        "messages.search": .history,
        "channels.getMessages": .history,
        "updates.getChannelDifference": .history,
        "contacts.resolveUsername": .resolve,
        "contacts.resolvePhone": .resolve,
        "contacts.search": .resolve,
        "messages.checkChatInvite": .resolve,
        "channels.getFullChannel": .fullInfo,
        "users.getFullUser": .fullInfo,
        "messages.getFullChat": .fullInfo,
        "messages.getForumTopics": .fullInfo,
        "upload.getFile": .files,
        "upload.getWebFile": .files,
        "messages.importChatInvite": .join,
        "channels.joinChannel": .join,
    ]
}
