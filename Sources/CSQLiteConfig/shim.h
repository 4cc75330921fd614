#ifndef TGCRON_CSQLITECONFIG_SHIM_H
#define TGCRON_CSQLITECONFIG_SHIM_H
#include <sqlite3.h>

/*
 * sqlite3_config() is variadic, so Swift cannot call it: this wrapper turns SQLite's memory statistics off.
 * With them on (the default, SQLITE_DEFAULT_MEMSTATUS=1), every sqlite3_malloc and sqlite3_free takes a
 * process-wide mutex to count bytes; tgcron never reads sqlite3_memory_used() or sets a soft heap limit.
 * Must run before SQLite initializes (before any connection opens); later it returns SQLITE_MISUSE and
 * changes nothing. See https://www.sqlite.org/c3ref/c_config_covering_index_scan.html#sqliteconfigmemstatus
 */
static inline int tgcron_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
