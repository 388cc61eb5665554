/* The floor of this design: libcsv parsing the file with callbacks that only count fields and rows.
   Reads in 256 KiB blocks, as Kouka's reader does. Usage: csvfloor FILE */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

static size_t fields, rows;
static void on_field(void *s, size_t n, void *p) { (void)s; (void)n; (void)p; fields++; }
static void on_row(int c, void *p) { (void)c; (void)p; rows++; }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: csvfloor FILE\n"); return 64; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 66; }
    struct csv_parser p;
    csv_init(&p, 0);
    static char buf[256 * 1024];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (csv_parse(&p, buf, n, on_field, on_row, NULL) != n) { fprintf(stderr, "%s\n", csv_strerror(csv_error(&p))); return 65; }
    }
    csv_fini(&p, on_field, on_row, NULL);
    csv_free(&p);
    printf("{\"rows\": %zu, \"fields\": %zu}\n", rows - 1, fields);
    return 0;
}
