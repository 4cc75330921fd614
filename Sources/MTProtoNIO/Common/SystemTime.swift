#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import MTProto

extension UnixTime {
    /// The wall clock now, as the protocol's msg_ids need it (read with `clock_gettime(CLOCK_REALTIME)`).
    public static func systemNow() -> UnixTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UnixTime(seconds: Int64(spec.tv_sec), nanoseconds: Int64(spec.tv_nsec))
    }
}
