import Client
import Foundation
import Governor
import Jobs

/// How a run downloads the media its messages carry: which files, where to, how fast and how much a day.
public struct MediaPlan: Sendable {
    /// Which files to download.
    public var filter: MediaRule
    /// The content-addressed store's folder.
    public var root: String
    /// Parts and connections per file.
    public var options: DownloadOptions
    /// The most bytes per second; nil for no cap beyond the governor's.
    public var maxRate: Int64?
    /// The account's daily byte budget; nil for none.
    public var budget: MediaByteBudget?
    /// Failed attempts after which a file is given up (`failed`) until `media verify --repair`.
    public var maxAttempts = 3

    /// A plan.
    public init(filter: MediaRule, root: String, options: DownloadOptions = DownloadOptions(), maxRate: Int64? = nil,
                budget: MediaByteBudget? = nil) {
        self.filter = filter
        self.root = root
        self.options = options
        self.maxRate = maxRate
        self.budget = budget
    }
}

/// A daily media byte budget that grows like the request warm-up: `day1` bytes on the first day of
/// downloads, `growth` times more each day after, never more than `cap`; days are local to `timeZone`.
public struct MediaByteBudget: Sendable, Equatable {
    /// Bytes on the first day.
    public var day1: Int64
    /// Growth factor per day (at least 1).
    public var growth: Double
    /// The most bytes on any day; nil for no cap.
    public var cap: Int64?
    /// The zone whose days are counted.
    public var timeZone: TimeZone

    /// A budget.
    public init(day1: Int64, growth: Double, cap: Int64?, timeZone: TimeZone) {
        self.day1 = day1
        self.growth = growth
        self.cap = cap
        self.timeZone = timeZone
    }

    /// Bytes allowed on day `day` (1 for the first): the request warm-up's growth, counted in bytes.
    public func allowance(onDay day: Int) -> Int64 {
        let ceiling = Int(Int64.max / 4)
        let budget = WarmUpBudget(day1: Int(clamping: day1), growth: growth, cap: cap.map { Int(clamping: $0) } ?? ceiling)
        return Int64(budget.allowance(onDay: day))
    }

    /// The local day of `date`, as `YYYY-MM-DD`.
    public func day(of date: Date) -> String {
        Self.day(of: date, in: timeZone)
    }

    /// The local day of `date` in `zone`, as `YYYY-MM-DD` (also the key of `media_days` without a budget).
    public static func day(of date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Days from `first` to `day` counted from 1 (both `YYYY-MM-DD`).
    static func dayNumber(_ day: String, since first: String?) -> Int {
        guard let first, let start = parse(first), let end = parse(day) else { return 1 }
        return max(1, Int((end.timeIntervalSince(start) / 86_400).rounded()) + 1)
    }

    private static func parse(_ day: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: day)
    }
}
