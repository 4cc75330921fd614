/// Checks that every job's `account:` is one the settings declare: job files are read without the settings,
/// so this runs where both are loaded.
public enum AccountCheck {
    /// One issue per job naming an account that `settings` does not declare, at the job's `account:` value.
    public static func issues(jobs: [Job], settings: Settings) -> [ValidationIssue] {
        let declared = Set(settings.accounts.map(\.name))
        return jobs.compactMap { job in
            guard let account = job.account, !declared.contains(account.name) else { return nil }
            let known = settings.accounts.map(\.name)
            let hint = Suggestion.closest(to: account.name, among: known).map { " (did you mean '\($0)'?)" }
                ?? (known.isEmpty ? " (the settings declare no 'accounts:')" : " (declared: \(known.joined(separator: ", ")))")
            return ValidationIssue(file: account.location.file, line: account.location.line, column: account.location.column,
                                   message: "job '\(job.name)': 'account' names '\(account.name)', which the settings do not declare\(hint)")
        }
    }
}
