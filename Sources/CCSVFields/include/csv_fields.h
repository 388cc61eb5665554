/* Where libcsv's callbacks put the fields of the records a CSV reader (Kouka's CSVReader) is reading.

   The callbacks run for every field of every row, twenty million times for a large export. Written in Swift, each call
   went from libcsv through a C-convention thunk into the closure, with an overflow check on every count: 11 % of the
   CPU of a 195 MB UTF-8 export's ingest in `perf`. Here each is a few loads and stores that libcsv calls directly. */
#ifndef KOUKA_CSV_FIELDS_H
#define KOUKA_CSV_FIELDS_H
#include <stddef.h>

/// A record libcsv finished: the ends of its fields are `ends[first ..< end]` of the collector, it starts on `line`, and
/// `valued_fields` of its fields run through the last one that had bytes (0: none had).
typedef struct {
    long first, end;
    long line;
    long valued_fields;
} kouka_csv_record;

/// The fields of the records finished and of the one open: their bytes in one buffer (only those of the wanted
/// columns), where each field ends in it, and the records finished since the reader last took them.
typedef struct {
    unsigned char *storage;
    long storage_count, storage_capacity;
    long *ends;
    long ends_count, ends_capacity;
    kouka_csv_record *completed;
    long completed_count, completed_capacity;
    /// How many fields of the open record run through the last one that had bytes, copied or not.
    long open_valued_fields;
    /// Where the open record's fields begin in `ends`.
    long open_first_field;
    /// The line the open record starts on, set by the reader.
    long record_line;
    /// Whether a record is open, set by the reader when it starts one.
    int in_record;
    /// Which columns' bytes are kept, by index (1: kept); NULL keeps every column.
    unsigned char *wanted;
    long wanted_count;
    /// Set when a buffer could not grow: what was collected since is incomplete, and the reader stops.
    int out_of_memory;
} kouka_csv_fields;

/// Allocates the buffers; 0 when that fails.
int kouka_csv_fields_init(kouka_csv_fields *fields);
void kouka_csv_fields_free(kouka_csv_fields *fields);
/// Keeps the bytes of the columns whose flag is 1 (`count` flags), or of every column when `flags` is NULL; 0 when the
/// flags cannot be copied.
int kouka_csv_fields_set_wanted(kouka_csv_fields *fields, const unsigned char *flags, long count);

/// libcsv's field callback (`cb1` of `csv_parse`); `context` is the `kouka_csv_fields`.
void kouka_csv_field_ended(void *field, size_t length, void *context);
/// libcsv's record callback (`cb2` of `csv_parse`).
void kouka_csv_record_ended(int terminator, void *context);

/// Forgets every record, finished or open.
void kouka_csv_fields_reset(kouka_csv_fields *fields);
/// Forgets the finished records, keeping the fields of a record still open.
void kouka_csv_fields_drop_completed(kouka_csv_fields *fields);
#endif
