#if canImport(Glibc)
import CMalloc
#endif

/// Settings of this process's memory allocator.
public enum ProcessMemory {
    /// Makes glibc's allocator give every block of 128 KiB or more its own mapping, returned to
    /// the system when the block is freed. By default glibc raises that threshold each time such
    /// a block is freed, so that the large arrays one stage frees (term counts, postings) stay in
    /// the process while the next stage maps new ones: on the shared corpora the peak resident
    /// memory of story detection was 542 MiB instead of 472 (see the README's benchmark section).
    /// Does nothing on other systems.
    public static func returnLargeBlocksWhenFreed() {
        #if canImport(Glibc)
        mallopt(M_MMAP_THRESHOLD, 128 * 1024)
        #endif
    }
}
