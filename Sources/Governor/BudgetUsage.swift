/// Requests spent under one budget: the first local day of use (warm-up day 1) and the latest day's count.
struct BudgetUsage: Codable, Equatable, Sendable {
    /// The local day the first request was admitted.
    let firstDay: LocalDay
    /// The latest local day with requests.
    private(set) var day: LocalDay
    /// Requests admitted on `day`.
    private(set) var spent: Int

    /// Nothing spent yet, with `firstDay` as warm-up day 1.
    init(firstDay: LocalDay) {
        self.firstDay = firstDay
        day = firstDay
        spent = 0
    }

    /// Which day of use `day` is: 1 on the first day, counting idle days too.
    func warmUpDay(of day: LocalDay) -> Int {
        max(1, day.days(since: firstDay) + 1)
    }

    /// Requests admitted on `day`. A day before the latest (the clock went back) counts as the latest, the
    /// cautious reading.
    func spent(on day: LocalDay) -> Int {
        day > self.day ? 0 : spent
    }

    /// Counts one request on `day`.
    mutating func spend(on day: LocalDay) {
        if day > self.day {
            self.day = day
            spent = 1
        } else {
            spent += 1
        }
    }
}
