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

/// What `stat` and the birth time say of a file, from one `statx` call: a run over a city's tens of
/// thousands of unchanged logs makes one system call for each instead of two.
typedef struct {
    int64_t size;
    int64_t inode;
    int64_t modified_seconds, modified_nanoseconds;
    int64_t changed_seconds, changed_nanoseconds;
    int64_t born_seconds, born_nanoseconds;
    int has_birth_time;
    int is_regular;
} kouka_file_status;

/// Fills `out` for the file at `path` (symbolic links followed, as `stat` does). Returns 1 when it did, 0 when
/// `statx` cannot say it all (no `statx` in the kernel or sandbox, or a filesystem without the basic fields:
/// ask `stat`), and -1 when the file cannot be seen.
int kouka_file_status_of(const char *path, kouka_file_status *out);

/// `kouka_file_status_of` for the file `name` in the folder open as `folder` (from `kouka_open_folder`): the
/// kernel walks one name instead of the whole path, which for a city's tens of thousands of daily logs in a
/// few folders is most of what looking at an unchanged file costs.
int kouka_file_status_at(int folder, const char *name, kouka_file_status *out);

/// Opens the folder at `path` (symbolic links followed, as a path lookup does) only to look names up in it
/// (`O_PATH`: no permission to list it is needed, as none is to `stat` a path through it); -1 with `errno`
/// when it cannot.
int kouka_open_folder(const char *path);
