#ifndef ISNAD_CMALLOC_SHIM_H
#define ISNAD_CMALLOC_SHIM_H
// glibc's allocator settings (`mallopt`); other C libraries have no such header.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
#endif
