import Foundation

extension GovernorState {
    /// Notes a successful call of `methodClass` at `now`; enough of them in a row give back a step of rate.
    mutating func recordSuccess(_ methodClass: MethodClass, at now: Date, configuration: GovernorConfiguration) {
        guard var state = classes[methodClass], state.rateFactor < 1 else { return }
        let policy = configuration.adaptation
        state.successStreak += 1
        if state.successStreak >= policy.successesPerStep {
            state.bucket.settle(at: now, limit: configuration.classes[methodClass].scaled(by: state.rateFactor))
            state.rateFactor = min(1, state.rateFactor + policy.increaseStep)
            state.successStreak = 0
        }
        classes[methodClass] = state
    }

    /// Notes a `FLOOD_WAIT_X` (X = `seconds`) for `methodClass` answered at `now`: the class cools down until
    /// `now + seconds` with an empty bucket, and its rate is cut.
    ///
    /// Calls already in flight when the first FLOOD_WAIT arrives come back with FLOOD_WAITs of their own;
    /// those extend the cool-down but do not cut the rate again, so one overload costs one cut.
    mutating func recordFloodWait(
        _ methodClass: MethodClass, seconds: Int, at now: Date, configuration: GovernorConfiguration
    ) {
        var state = classes[methodClass, default: ClassState()]
        let policy = configuration.adaptation
        let until = now.addingTimeInterval(TimeInterval(max(seconds, 0)))
        state.bucket.settle(at: now, limit: configuration.classes[methodClass].scaled(by: state.rateFactor))
        state.bucket.drain(until: until)
        if state.coolDownUntil <= now {
            state.rateFactor = max(policy.minimumFactor, state.rateFactor * policy.decreaseFactor)
        }
        state.successStreak = 0
        state.coolDownUntil = max(state.coolDownUntil, until)
        classes[methodClass] = state
    }
}
