#ifndef TGCRON_CZLIB_SHIM_H
#define TGCRON_CZLIB_SHIM_H
#include <zlib.h>
#endif
