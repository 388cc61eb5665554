/* A file's birth time, which `stat` does not give: only `statx` does, and Swift's Glibc module does not
   declare it (it needs _GNU_SOURCE). Kept to the one call so that nothing else needs C. */
#include <stdint.h>

/// When a file was created, as the filesystem recorded it.
typedef struct {
    int64_t seconds;
    int64_t nanoseconds;
} kouka_birth_time;

/// Fills `out` with the birth time of the file at `path`. Returns 1 when the filesystem records one,
/// 0 when it does not (or the kernel has no `statx`), and -1 when the file cannot be seen.
int kouka_file_birth_time(const char *path, kouka_birth_time *out);
