import CMalloc

/// Makes the C allocator keep freed blocks of up to 4 MiB for reuse, once per process (glibc only; see
/// `Sources/CMalloc/shim.h`): a 1 MiB file part passes through several buffers on each side, and fresh
/// pages for every one of them cost more than encrypting it. The server turns it on when it starts and
/// the client when it starts a download; a process that only pages history keeps glibc's defaults (its
/// peak RSS grew by about 2 MB with the setting).
public enum LargeBlockReuse {
    /// Sets the allocator up; calls after the first do nothing.
    public static func enable() {
        _ = isEnabled
    }

    private static let isEnabled: Bool = {
        tgcron_malloc_reuse_large_blocks()
        return true
    }()
}
