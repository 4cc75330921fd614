#ifndef TGCRON_CMALLOC_SHIM_H
#define TGCRON_CMALLOC_SHIM_H
#if defined(__linux__)
#include <malloc.h>
#endif

/*
 * Keeps freed blocks of up to 4 MiB in the heap for the next allocation instead of handing their pages
 * back to the kernel. By default glibc serves large blocks with fresh mmap'd pages (its threshold rises
 * only to the largest block freed) and trims the heap's top above twice that threshold, so each 1 MiB
 * MTProto file part costs a page fault per 4 KiB in every buffer it passes through: 14% of the sandbox's
 * CPU while serving downloads, and the fault-free run used 25% less CPU per MB (bench/results/download.md).
 * M_MMAP_THRESHOLD and M_TRIM_THRESHOLD are glibc's mallopt(3) parameters; other C libraries are left as
 * they are. The heap then keeps up to 32 MiB of free memory instead of returning it.
 */
static inline void tgcron_malloc_reuse_large_blocks(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 32 * 1024 * 1024);
#endif
}

#endif
