import CMalloc

/// Makes the C allocator keep freed blocks of up to 4 MiB for reuse, once per process (glibc only; see
/// `Sources/CMalloc/shim.h`): a 1 MiB file part passes through several buffers on each side, and fresh
/// pages for every one of them cost more than encrypting it. Connections and servers turn it on when made.
enum LargeBlockReuse {
    /// True once the allocator is set up; reading it the first time does it.
    static let isEnabled: Bool = {
        tgcron_malloc_reuse_large_blocks()
        return true
    }()
}
