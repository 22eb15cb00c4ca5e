#ifndef ISNAD_CPREFETCH_SHIM_H
#define ISNAD_CPREFETCH_SHIM_H
// Asks the processor to bring the cache line at `address` in before it is read: Swift has no
// prefetch of its own. The hint never faults and changes no result.
static inline void isnad_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}
#endif
