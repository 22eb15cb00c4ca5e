#ifndef ISNAD_CZLIB_SHIM_H
#define ISNAD_CZLIB_SHIM_H
#include <zlib.h>
#endif
