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

int kouka_file_status_of(const char *path, kouka_file_status *out) {
    return kouka_file_status_at(AT_FDCWD, path, out);
}

int kouka_open_folder(const char *path) {
    return open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
}

int kouka_file_status_at(int folder, const char *name, kouka_file_status *out) {
    struct statx info;
    if (statx(folder, name, 0, STATX_BASIC_STATS | STATX_BTIME, &info) != 0) {
        return errno == ENOSYS || errno == EPERM ? 0 : -1;
    }
    const unsigned int needed = STATX_TYPE | STATX_SIZE | STATX_INO | STATX_MTIME | STATX_CTIME;
    if ((info.stx_mask & needed) != needed) return 0;
    out->size = (int64_t)info.stx_size;
    out->inode = (int64_t)info.stx_ino;
    out->modified_seconds = info.stx_mtime.tv_sec;
    out->modified_nanoseconds = info.stx_mtime.tv_nsec;
    out->changed_seconds = info.stx_ctime.tv_sec;
    out->changed_nanoseconds = info.stx_ctime.tv_nsec;
    out->has_birth_time = (info.stx_mask & STATX_BTIME) != 0;
    out->born_seconds = out->has_birth_time ? info.stx_btime.tv_sec : 0;
    out->born_nanoseconds = out->has_birth_time ? info.stx_btime.tv_nsec : 0;
    out->is_regular = S_ISREG(info.stx_mode);
    return 1;
}
