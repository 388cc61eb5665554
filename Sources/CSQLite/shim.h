#include <sqlite3.h>

/* sqlite3_config is variadic, which Swift cannot call: this turns off SQLite's count of the memory it holds,
   which takes a process-wide mutex on every allocation. It must run before SQLite is initialized (before the
   first connection opens); afterwards it returns SQLITE_MISUSE and changes nothing. */
static inline int kouka_sqlite3_config_no_memory_count(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
