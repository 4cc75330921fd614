import Foundation

/// Everything the rate governor is told: bucket rates, human-like delay, adaptation and warm-up budgets.
///
/// `init()` gives the defaults (see `GovernorConfiguration+Defaults.swift` for the reasoning behind each);
/// change what the settings and job files say, then `validate()`.
public struct GovernorConfiguration: Sendable, Equatable {
    /// The bucket every call takes a token from, whatever its class: the account's total rate.
    public var account: RateLimit
    /// The bucket of each method class; a call takes a token from its class's bucket too.
    public var classes: ClassLimits
    /// The shortest gap, in seconds, between two calls of a class (`human_delay_min`); see `humanGap`.
    public var humanDelayMin: TimeInterval
    /// The longest gap, in seconds, drawn between two calls of a class (`human_delay_max`); see `humanGap`.
    public var humanDelayMax: TimeInterval
    /// How class rates react to FLOOD_WAIT and to success.
    public var adaptation: AdaptationPolicy
    /// The account's daily warm-up budget, or nil for none.
    public var accountWarmUp: WarmUpBudget?
    /// Daily warm-up budgets of jobs, by job name; jobs missing here have none.
    public var jobWarmUps: [String: WarmUpBudget]
    /// The time zone whose midnights start a new budget day.
    public var timeZone: TimeZone

    /// The default configuration, counting budget days in the machine's time zone.
    public init() {
        account = Self.defaultAccount
        classes = Self.defaultClasses
        humanDelayMin = Self.defaultHumanDelay.lowerBound
        humanDelayMax = Self.defaultHumanDelay.upperBound
        adaptation = Self.defaultAdaptation
        accountWarmUp = Self.defaultAccountWarmUp
        jobWarmUps = [:]
        timeZone = .current
    }

    /// The gap between a call of a class paced at `limit` and the class's previous call: drawn from
    /// 0.4 … 1.4 times the spacing (`1 / limit.perSecond`) by `unit` (in 0..<1), then held within
    /// `humanDelayMin` … `humanDelayMax`. Calls come at irregular, human-like intervals around the governed
    /// rate, never closer than the minimum. The draw leans short (mean 0.9 spacing) because the bucket
    /// stretches the gaps it cannot grant yet: the rate stays within 1% of the bucket's, which caps every window.
    func humanGap(for limit: RateLimit, unit: Double) -> TimeInterval {
        let spacing = limit.perSecond > 0 ? 1 / limit.perSecond : humanDelayMax
        let drawn = spacing * (0.4 + unit)
        return max(humanDelayMin, min(drawn, humanDelayMax))
    }

    /// The warm-up budget of `scope`, if it has one.
    func warmUp(for scope: BudgetScope) -> WarmUpBudget? {
        switch scope {
        case .account: accountWarmUp
        case .job(let name): jobWarmUps[name]
        }
    }

    /// Checks that every setting can work: positive finite rates, bursts of at least one, a non-negative
    /// delay range with min ≤ max, adaptation factors in range and budgets that start at one or more and never shrink.
    public func validate() throws(GovernorConfigurationError) {
        try Self.check(account, bucket: "account")
        for methodClass in MethodClass.allCases {
            try Self.check(classes[methodClass], bucket: methodClass.rawValue)
        }
        guard humanDelayMin >= 0, humanDelayMin <= humanDelayMax, humanDelayMax.isFinite else {
            throw .invalidHumanDelay(min: humanDelayMin, max: humanDelayMax)
        }
        try adaptation.validate()
        if let accountWarmUp { try Self.check(accountWarmUp, scope: "account") }
        for (job, budget) in jobWarmUps {
            try Self.check(budget, scope: "job \(job)")
        }
    }

    private static func check(_ limit: RateLimit, bucket: String) throws(GovernorConfigurationError) {
        guard limit.perSecond > 0, limit.perSecond.isFinite else {
            throw .nonPositiveRate(bucket: bucket, perSecond: limit.perSecond)
        }
        guard limit.burst >= 1 else { throw .burstBelowOne(bucket: bucket, burst: limit.burst) }
    }

    private static func check(_ budget: WarmUpBudget, scope: String) throws(GovernorConfigurationError) {
        guard budget.day1 >= 1, budget.growth >= 1, budget.growth.isFinite, budget.cap >= budget.day1 else {
            throw .invalidWarmUp(scope: scope, budget: budget)
        }
    }
}

extension AdaptationPolicy {
    /// Checks each setting against its range.
    func validate() throws(GovernorConfigurationError) {
        guard decreaseFactor > 0, decreaseFactor < 1 else {
            throw .invalidAdaptation(setting: "decreaseFactor", value: decreaseFactor)
        }
        guard minimumFactor > 0, minimumFactor <= 1 else {
            throw .invalidAdaptation(setting: "minimumFactor", value: minimumFactor)
        }
        guard increaseStep > 0, increaseStep <= 1 else {
            throw .invalidAdaptation(setting: "increaseStep", value: increaseStep)
        }
        guard successesPerStep >= 1 else {
            throw .invalidAdaptation(setting: "successesPerStep", value: Double(successesPerStep))
        }
    }
}
