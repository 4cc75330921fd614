import Foundation

/// The parts of a job besides its name, channel and schedule, as decoded from one entry.
struct JobOptions {
    /// The zone used when a job sets none.
    static let defaultTimeZone = TimeZone(identifier: "UTC") ?? .gmt

    var timeZone: TimeZone
    var window: MessageWindow
    var runWindow: RunWindow?
    var limits: Limits
    var warmup: Warmup?
    var refresh: Duration?
    var takeout: Bool
    var enabled: Bool
    var jitter: Duration?
    var media: MediaRule?
    var comments: Bool
    var account: JobAccount?
}
