/// How a class's rate reacts to the server: cut on each FLOOD_WAIT (multiplicative decrease), given back
/// step by step while calls keep succeeding (additive increase), never above the configured rate.
///
/// Rates are kept as a share of the configured rate, so editing the configuration keeps the adaptation.
public struct AdaptationPolicy: Sendable, Equatable {
    /// Factor a FLOOD_WAIT multiplies the class's share by, in `0 < x < 1`.
    public var decreaseFactor: Double
    /// The lowest share cuts may reach, in `0 < x ≤ 1`.
    public var minimumFactor: Double
    /// Share of the configured rate each step of sustained success gives back, in `0 < x ≤ 1`.
    public var increaseStep: Double
    /// Successful calls of a class, with no FLOOD_WAIT in between, that earn one increase step (at least 1).
    public var successesPerStep: Int

    /// A policy with the given settings.
    public init(decreaseFactor: Double, minimumFactor: Double, increaseStep: Double, successesPerStep: Int) {
        self.decreaseFactor = decreaseFactor
        self.minimumFactor = minimumFactor
        self.increaseStep = increaseStep
        self.successesPerStep = successesPerStep
    }
}
