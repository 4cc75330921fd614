/// "Did you mean …?": the known word closest to a misspelt one.
enum Suggestion {
    /// The candidate closest to `word` by edit distance (case-insensitive, a swap of two neighbours
    /// counting as one edit), if it is close enough to be a plausible typo: at most one edit for
    /// words of up to four characters, two for longer ones, three from nine characters on. A word
    /// of four or more characters that starts a candidate (`flood_wait` for `flood_wait_max`) or
    /// that a candidate starts counts as close too.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let target = Array(lowered)
        let allowed = target.count <= 4 ? 1 : (target.count < 9 ? 2 : 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = candidate.lowercased()
            var distance = editDistance(target, Array(other))
            if min(lowered.count, other.count) >= 4, other.hasPrefix(lowered) || lowered.hasPrefix(other) {
                distance = min(distance, allowed)
            }
            if distance <= allowed, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousRow = [Int](repeating: 0, count: b.count + 1)
        var row = Array(0...b.count)
        for i in 1...a.count {
            let beforePrevious = previousRow
            previousRow = row
            row = [Int](repeating: 0, count: b.count + 1)
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], beforePrevious[j - 2] + 1)
                }
            }
        }
        return row[b.count]
    }
}
