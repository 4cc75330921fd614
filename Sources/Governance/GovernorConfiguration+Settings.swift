import Foundation
import Governor
import Jobs
import Timekeeping

extension GovernorConfiguration {
    /// The governor's configuration for an account whose settings are `settings` and whose jobs are `jobs`:
    /// the defaults (see `GovernorConfiguration+Defaults.swift`) with the human delay, the account's
    /// warm-up budget and each job's warm-up budget taken from the files.
    ///
    /// Budget days are counted in one time zone for the whole account: the zone of the jobs that have a
    /// warm-up budget, which must agree, or `fallbackTimeZone` when no job has one. A warm-up without a
    /// cap grows without bound. Throws `GovernorSettingsError` naming the setting or job at fault.
    public init(settings: Settings, jobs: [Job], fallbackTimeZone: TimeZone = .current) throws(GovernorSettingsError) {
        self.init()
        let client = settings.telegramClient
        humanDelayMin = client.humanDelayMin.timeInterval
        humanDelayMax = client.humanDelayMax.timeInterval
        accountWarmUp = client.warmup.map(WarmUpBudget.init(warmup:))
        jobWarmUps = [:]
        for job in jobs {  // names are unique: job validation rejects duplicates
            if let warmup = job.warmup { jobWarmUps[job.name] = WarmUpBudget(warmup: warmup) }
        }
        timeZone = try Self.budgetTimeZone(jobs: jobs, fallback: fallbackTimeZone)
        do {
            try validate()
        } catch {
            throw Self.attribute(error, jobs: jobs)
        }
    }

    /// The one zone shared by the jobs that have budgets, or `fallback` if none has.
    private static func budgetTimeZone(jobs: [Job], fallback: TimeZone) throws(GovernorSettingsError) -> TimeZone {
        let budgeted = jobs.filter { $0.warmup != nil }
        guard let first = budgeted.first else { return fallback }
        if let other = budgeted.first(where: { $0.timeZone.identifier != first.timeZone.identifier }) {
            throw .conflictingBudgetTimeZones(
                first: first.name, firstZone: first.timeZone.identifier, other: other.name,
                otherZone: other.timeZone.identifier, location: other.location)
        }
        return first.timeZone
    }

    /// `error` with the job file location of the job it concerns, when it concerns one.
    private static func attribute(_ error: GovernorConfigurationError, jobs: [Job]) -> GovernorSettingsError {
        if case .invalidWarmUp(let scope, _) = error,
           let job = jobs.first(where: { scope == "job \($0.name)" }) {
            return .invalidJob(name: job.name, location: job.location, error)
        }
        return .invalidSettings(error)
    }
}

extension WarmUpBudget {
    /// The budget a `warmup:` block describes; no cap is `Int.max`, which the growth never reaches.
    init(warmup: Warmup) {
        self.init(day1: warmup.day1, growth: warmup.growth, cap: warmup.cap ?? Int.max)
    }
}
