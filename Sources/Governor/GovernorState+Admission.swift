import Foundation

extension GovernorState {
    /// Decides a call requested at `now`, spending its tokens and budget only when it may proceed.
    ///
    /// The call runs once both its buckets have a token and a human-like gap (`GovernorConfiguration.humanGap`,
    /// drawn with `pace` in 0..<1) has passed since the class's previous call; the gap is part of the pacing,
    /// not added after the token wait. The class bucket takes its token at that instant, so a class's calls
    /// run in the order admitted, at least the minimum gap apart. The account bucket takes its token as soon
    /// as it has one, so a class waiting out a cool-down or a slow bucket does not hold up the other classes.
    mutating func admit(
        _ request: AdmissionRequest, at now: Date, pace: Double,
        configuration: GovernorConfiguration, calendar: LocalCalendar
    ) -> Admission {
        var classState = classes[request.methodClass, default: ClassState()]
        let classLimit = configuration.classes[request.methodClass].scaled(by: classState.rateFactor)
        let accountReady = account.earliestTake(notBefore: now, limit: configuration.account)
        let ready = max(accountReady, classState.bucket.earliestTake(notBefore: now, limit: classLimit))
        let gap = configuration.humanGap(for: classLimit, unit: pace)
        let callAt = max(ready, classState.bucket.lastTake.addingTimeInterval(gap))

        let day = calendar.day(containing: callAt)
        let scopes: [BudgetScope] = [.account] + (request.job.map { [.job($0)] } ?? [])
        if let spent = scopes.first(where: { isBudgetSpent($0, on: day, configuration: configuration) }) {
            return .defer(reason: .budget(scope: spent, until: calendar.startOfNextDay(after: callAt)))
        }
        // Waiting up to one token's refill (of the class or the account) is the steady rate itself, admitted
        // whatever the caller's maximum; the maximum bounds cool-downs and backlogs (and joins: see `MethodClass.join`).
        let coolingDown = classState.coolDownUntil > now
        let pacing = request.methodClass.waitsOutPacing ? max(classLimit.tokenInterval, configuration.account.tokenInterval) : 0
        guard ready.timeIntervalSince(now) <= (coolingDown ? request.maxWait : max(request.maxWait, pacing)) else {
            return .defer(reason: coolingDown ? .coolDown(until: classState.coolDownUntil) : .rateLimit(until: ready))
        }

        account.take(at: accountReady, limit: configuration.account)
        classState.bucket.take(at: callAt, limit: classLimit)
        classes[request.methodClass] = classState
        for scope in scopes {
            spend(scope, on: day)
        }
        return .proceed(after: callAt.timeIntervalSince(now))
    }

    /// Whether `scope` has a warm-up budget and has used all of it on `day`.
    private func isBudgetSpent(_ scope: BudgetScope, on day: LocalDay, configuration: GovernorConfiguration) -> Bool {
        guard let budget = configuration.warmUp(for: scope) else { return false }
        let usage = usage(of: scope)
        let allowance = budget.allowance(onDay: usage?.warmUpDay(of: day) ?? 1)
        return (usage?.spent(on: day) ?? 0) >= allowance
    }
}
