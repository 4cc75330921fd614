import Foundation

/// What the governor remembers about one method class.
struct ClassState: Codable, Equatable, Sendable {
    /// The class's token bucket.
    var bucket = TokenBucket()
    /// The share of the configured rate adaptation currently allows.
    var rateFactor: Double = 1
    /// Until when the server asked us to leave the class alone (the last FLOOD_WAIT's end).
    var coolDownUntil: Date = .distantPast
    /// Successful calls since the rate last changed.
    var successStreak = 0
}
