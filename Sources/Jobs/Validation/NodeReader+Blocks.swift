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

    /// A `warmup:` block (`day1` required, `growth` at least 1, `cap` at least `day1`); the account's
    /// (`bytes`) may also hold the daily media byte budget, `media_day1` and `media_cap`.
    func warmup(_ node: Node, path: String, bytes: Bool = false) -> Warmup? {
        let keys = ["day1", "growth", "cap"] + (bytes ? ["media_day1", "media_cap"] : [])
        guard let fields = Fields(node, path: path, allowed: keys, reader: self) else {
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
        let mediaDay1 = fields["media_day1"].flatMap { byteSize($0, fields.path("media_day1")) }
        let mediaCap = fields["media_cap"].flatMap { byteSize($0, fields.path("media_cap")) }
        if let mediaCap, let capNode = fields["media_cap"], mediaDay1.map({ mediaCap < $0 }) ?? true {
            report("'\(fields.path("media_cap"))' (\(mediaCap) bytes) needs '\(fields.path("media_day1"))' no larger than it",
                   at: capNode)
        }
        guard let day1 else { return nil }
        return Warmup(day1: day1, growth: growth ?? Warmup.defaultGrowth, cap: cap, mediaDay1: mediaDay1, mediaCap: mediaCap)
    }
}
