import Yams

extension NodeReader {
    /// A `limits:` block (`messages`, `requests`, `duration`), in a job, the defaults or the settings.
    func limits(_ node: Node, path: String) -> Limits? {
        guard let fields = Fields(node, path: path, allowed: ["messages", "requests", "duration"], reader: self) else {
            return nil
        }
        return Limits(
            messages: fields["messages"].flatMap { integer($0, fields.path("messages"), minimum: 1) },
            requests: fields["requests"].flatMap { integer($0, fields.path("requests"), minimum: 1) },
            duration: fields["duration"].flatMap { duration($0, fields.path("duration"), allowZero: false) }
        )
    }

    /// A `warmup:` block (`day1` required, `growth` at least 1, `cap` at least `day1`).
    func warmup(_ node: Node, path: String) -> Warmup? {
        guard let fields = Fields(node, path: path, allowed: ["day1", "growth", "cap"], reader: self) else {
            return nil
        }
        let day1 = fields["day1"].flatMap { integer($0, fields.path("day1"), minimum: 1) }
        let growth = fields["growth"].flatMap { number($0, fields.path("growth"), minimum: 1) }
        let cap = fields["cap"].flatMap { integer($0, fields.path("cap"), minimum: 1) }
        if fields["day1"] == nil {
            report("'\(path)' is missing required key 'day1'", at: node)
        }
        if let day1, let cap, let capNode = fields["cap"], cap < day1 {
            report("'\(fields.path("cap"))' (\(cap)) must be at least '\(fields.path("day1"))' (\(day1))", at: capNode)
        }
        guard let day1 else { return nil }
        return Warmup(day1: day1, growth: growth ?? Warmup.defaultGrowth, cap: cap)
    }
}
