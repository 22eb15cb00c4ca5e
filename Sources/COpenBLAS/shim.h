#ifndef ISNAD_COPENBLAS_SHIM_H
#define ISNAD_COPENBLAS_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
