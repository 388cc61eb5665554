/* The floor of this design: libcsv parsing the file with callbacks that only count fields and rows, and
   nothing else (no decoding, no hashing, no storing). Reads in 256 KiB blocks, as Kouka's reader does.
   With THREADS = 2 the file is cut at the first line end after its middle and each half is parsed on a
   thread of its own, as kouka-nightly reads a large export (the benchmark's files have no quoted line
   breaks, so that cut is always a record boundary).  Usage: csvfloor FILE [THREADS] */
#include <csv.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

struct part {
    const char *path;
    off_t start, end;
    size_t fields, rows;
    int failed;
};

static void on_field(void *s, size_t n, void *p) { (void)s; (void)n; ((struct part *)p)->fields++; }
static void on_row(int c, void *p) { (void)c; ((struct part *)p)->rows++; }

static void *parse(void *arg) {
    struct part *part = arg;
    int fd = open(part->path, O_RDONLY);
    if (fd < 0) { part->failed = 1; return NULL; }
    struct csv_parser p;
    csv_init(&p, 0);
    char *buf = malloc(256 * 1024);
    for (off_t at = part->start; at < part->end;) {
        size_t want = part->end - at < 256 * 1024 ? (size_t)(part->end - at) : 256 * 1024;
        ssize_t n = pread(fd, buf, want, at);
        if (n <= 0) { part->failed = 1; break; }
        if (csv_parse(&p, buf, (size_t)n, on_field, on_row, part) != (size_t)n) { part->failed = 1; break; }
        at += n;
    }
    csv_fini(&p, on_field, on_row, part);
    csv_free(&p);
    free(buf);
    close(fd);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) { fprintf(stderr, "usage: csvfloor FILE [THREADS]\n"); return 64; }
    int threads = argc == 3 ? atoi(argv[2]) : 1;
    if (threads != 1 && threads != 2) { fprintf(stderr, "THREADS is 1 or 2\n"); return 64; }
    struct stat info;
    if (stat(argv[1], &info) != 0) { perror(argv[1]); return 66; }
    struct part parts[2] = {{argv[1], 0, info.st_size, 0, 0, 0}, {argv[1], info.st_size, info.st_size, 0, 0, 0}};
    if (threads == 2) {
        int fd = open(argv[1], O_RDONLY);
        off_t cut = info.st_size / 2;
        char c;
        while (pread(fd, &c, 1, cut) == 1 && c != '\n') cut++;
        close(fd);
        parts[0].end = parts[1].start = cut + 1 < info.st_size ? cut + 1 : info.st_size;
        parts[1].end = info.st_size;
    }
    pthread_t second;
    if (threads == 2) pthread_create(&second, NULL, parse, &parts[1]);
    parse(&parts[0]);
    if (threads == 2) pthread_join(second, NULL);
    if (parts[0].failed || parts[1].failed) { fprintf(stderr, "%s: cannot be parsed\n", argv[1]); return 65; }
    printf("{\"rows\": %zu, \"fields\": %zu}\n", parts[0].rows + parts[1].rows - 1, parts[0].fields + parts[1].fields);
    return 0;
}
