import Foundation

/// Deterministic start delays: the same job and fire time always give the same delay, so a restart
/// does not reshuffle runs, while different jobs scheduled at the same minute spread out.
public enum Jitter {
    /// A delay from zero up to (not including) `maximum`, derived from `seed` alone, to the
    /// millisecond. A zero or negative maximum gives zero.
    public static func delay(upTo maximum: Duration, seed: UInt64) -> Duration {
        let (seconds, attoseconds) = maximum.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        guard milliseconds > 0 else { return .zero }
        return .milliseconds(Int64(splitMix64(seed) % UInt64(milliseconds)))
    }

    /// A seed for one run: FNV-1a of the job's name, mixed with the scheduled fire time in whole seconds.
    public static func seed(jobName: String, scheduledAt fireTime: Date) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in jobName.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let seconds = Int64(fireTime.timeIntervalSince1970.rounded(.down))
        return hash ^ UInt64(bitPattern: seconds)
    }

    /// SplitMix64's output function: spreads nearby seeds over the whole 64-bit range.
    private static func splitMix64(_ seed: UInt64) -> UInt64 {
        var z = seed &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
