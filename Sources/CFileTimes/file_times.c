#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include "file_times.h"

int kouka_file_birth_time(const char *path, kouka_birth_time *out) {
    struct statx info;
    if (statx(AT_FDCWD, path, 0, STATX_BTIME, &info) != 0) {
        /* A kernel or a sandbox without statx: no birth time, as on a filesystem that keeps none. */
        return errno == ENOSYS || errno == EPERM ? 0 : -1;
    }
    if (!(info.stx_mask & STATX_BTIME)) return 0;
    out->seconds = info.stx_btime.tv_sec;
    out->nanoseconds = info.stx_btime.tv_nsec;
    return 1;
}
