import Foundation

/// The default settings and why they are what they are.
///
/// Telegram does not publish its limits. The figures below follow the limits clients observe (and the
/// sandbox server models): a sliding window per method, e.g. 30 `messages.getHistory` per 30 seconds,
/// answered with `FLOOD_WAIT_X` once the window is full. A token bucket admits at most
/// `burst + rate × window` calls in any window, so a bucket stays under an `N`-per-`W` window when
/// `burst + rate × W < N + 1`.
extension GovernorConfiguration {
    /// The account as a whole: one request per second on average, three back to back at most.
    ///
    /// One call a second is about what an archiver does at full speed. It sits just above the history
    /// rate, so a history-only run is limited by its class, while the other classes together cannot add
    /// more than a few percent on top. A burst of 3 covers a run's start-up calls (config, state, resolve).
    public static let defaultAccount = RateLimit(perSecond: 1.0, burst: 3)

    /// Per-class limits.
    ///
    /// - history, 0.96/s, burst 2: against 30 per 30 s, `2 + 0.96 × 30 = 30.8 < 31`, so the window never
    ///   overflows, with 0.2 s of slack for the server's clock and latency jitter, while keeping 96% of the
    ///   window's throughput. A burst of 2 (not 1) lets tokens build up during the human delay, so the delay
    ///   shifts calls without lowering the sustained rate.
    /// - resolve, 4 per hour, burst 2: `contacts.resolveUsername` is the call Telegram limits hardest
    ///   (clients report long FLOOD_WAITs after a few hundred a day); at most ~100 a day, and peers are
    ///   cached by the archive, so a run needs one per new channel.
    /// - fullInfo, one per 10 s, burst 2: a run reads a channel's full info once, for its counters.
    /// - files: see `defaultFiles`; join: see `defaultJoin`.
    /// - other, 0.5/s, burst 3: sessions and the like, well under the account rate.
    public static let defaultClasses = ClassLimits(
        history: RateLimit(perSecond: 0.96, burst: 2),
        resolve: RateLimit(perSecond: 4.0 / 3600, burst: 2),
        fullInfo: RateLimit(perSecond: 0.1, burst: 2),
        files: defaultFiles,
        other: RateLimit(perSecond: 0.5, burst: 3)
    )

    /// File parts, 4/s with a burst of 8: of 1 MiB parts at most `8 + 4 × 60 = 248` a minute, under the
    /// sandbox's Telegram-like 600 parts and 256 MiB per minute for accounts without Premium. The burst
    /// lets a download start with its parts in flight.
    public static let defaultFiles = RateLimit(perSecond: 4, burst: 8)

    /// Joins (`messages.importChatInvite`), 3 a day with a burst of 2: joining many chats quickly is a reason
    /// Telegram gives for bans (the seed's `safe_join_channel` waits between joins for the same reason), and
    /// an archiver joins each private chat once, remembering it (`invite_links` in the archive). A third
    /// new invite link in one day waits, or defers its run, about 8 hours.
    public static let defaultJoin = RateLimit(perSecond: 3.0 / 86_400, burst: 2)

    /// Gaps between two calls of a class of at least 0.5 s and at most 3 s (see `humanGap`).
    ///
    /// The gap is drawn around the class's spacing (history: 0.42–1.46 s around 1/0.96 ≈ 1.04 s, at least
    /// 0.5 s), so the irregularity is part of the pacing: the bucket's burst of 2 lends the short gaps the time
    /// the long ones left, and a history-only run keeps over 95% of a 30-per-30 s window
    /// (`FloodPolicyDaySimulationTests`). A pause added after the token wait instead (1–3 s in earlier
    /// settings) halved the rate.
    public static let defaultHumanDelay: ClosedRange<TimeInterval> = 0.5...3

    /// Halve the rate on a FLOOD_WAIT, never below an eighth; give back a tenth of it per 20 successes.
    ///
    /// Halving is TCP's answer to a signal that we are over the line, and three floods in a row reach the
    /// floor. At history's rate the way back up from half takes about three minutes; for rarely called
    /// classes it takes correspondingly longer, which is the cautious direction.
    public static let defaultAdaptation = AdaptationPolicy(
        decreaseFactor: 0.5, minimumFactor: 0.125, increaseStep: 0.1, successesPerStep: 20)

    /// 2,000 requests on the account's first day, 1.5 times more each day, at most 50,000 a day.
    ///
    /// 2,000 history pages are up to 200,000 messages, plenty to start an archive, and far from the
    /// 80,000+ requests a day the buckets alone would allow a fresh account. The cap is reached on day 9
    /// and leaves the steady state at under 60% of the buckets' ceiling.
    public static let defaultAccountWarmUp = WarmUpBudget(day1: 2_000, growth: 1.5, cap: 50_000)
}
