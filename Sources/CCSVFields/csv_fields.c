#include "csv_fields.h"
#include <stdlib.h>
#include <string.h>

int kouka_csv_fields_init(kouka_csv_fields *f) {
    memset(f, 0, sizeof *f);
    f->storage_capacity = 64 * 1024;
    f->ends_capacity = 1024;
    f->completed_capacity = 16;
    f->storage = malloc((size_t)f->storage_capacity);
    f->ends = malloc((size_t)f->ends_capacity * sizeof *f->ends);
    f->completed = malloc((size_t)f->completed_capacity * sizeof *f->completed);
    if (!f->storage || !f->ends || !f->completed) {
        kouka_csv_fields_free(f);
        return 0;
    }
    return 1;
}

void kouka_csv_fields_free(kouka_csv_fields *f) {
    free(f->storage);
    free(f->ends);
    free(f->completed);
    free(f->wanted);
    memset(f, 0, sizeof *f);
}

int kouka_csv_fields_set_wanted(kouka_csv_fields *f, const unsigned char *flags, long count) {
    free(f->wanted);
    f->wanted = NULL;
    f->wanted_count = 0;
    if (!flags) return 1;
    /* At least one byte, so that no columns wanted is not read as every column. */
    f->wanted = malloc(count > 0 ? (size_t)count : 1);
    if (!f->wanted) return 0;
    if (count > 0) memcpy(f->wanted, flags, (size_t)count);
    f->wanted_count = count;
    return 1;
}

/* Doubles `*buffer` (of `*capacity` items of `size` bytes) until it holds `needed`; 0 when it cannot. */
static int grow(void **buffer, long *capacity, long needed, size_t size) {
    long wanted = *capacity;
    while (wanted < needed) wanted *= 2;
    void *grown = realloc(*buffer, (size_t)wanted * size);
    if (!grown) return 0;
    *buffer = grown;
    *capacity = wanted;
    return 1;
}

void kouka_csv_field_ended(void *field, size_t length, void *context) {
    kouka_csv_fields *f = context;
    if (length > 0) {
        long index = f->ends_count - f->open_first_field;
        f->open_valued_fields = index + 1;
        if (field && (!f->wanted || (index < f->wanted_count && f->wanted[index]))) {
            if (f->storage_count + (long)length > f->storage_capacity &&
                !grow((void **)&f->storage, &f->storage_capacity, f->storage_count + (long)length, 1)) {
                f->out_of_memory = 1;
                return;
            }
            memcpy(f->storage + f->storage_count, field, length);
            f->storage_count += (long)length;
        }
    }
    if (f->ends_count == f->ends_capacity && !grow((void **)&f->ends, &f->ends_capacity, f->ends_count + 1, sizeof *f->ends)) {
        f->out_of_memory = 1;
        return;
    }
    f->ends[f->ends_count++] = f->storage_count;
}

void kouka_csv_record_ended(int terminator, void *context) {
    (void)terminator;
    kouka_csv_fields *f = context;
    if (f->completed_count == f->completed_capacity &&
        !grow((void **)&f->completed, &f->completed_capacity, f->completed_count + 1, sizeof *f->completed)) {
        f->out_of_memory = 1;
        return;
    }
    kouka_csv_record *record = &f->completed[f->completed_count++];
    record->first = f->open_first_field;
    record->end = f->ends_count;
    record->line = f->record_line;
    record->valued_fields = f->open_valued_fields;
    f->open_first_field = f->ends_count;
    f->open_valued_fields = 0;
    f->in_record = 0;
}

void kouka_csv_fields_reset(kouka_csv_fields *f) {
    f->completed_count = 0;
    f->storage_count = 0;
    f->ends_count = 0;
    f->open_first_field = 0;
    f->open_valued_fields = 0;
    f->in_record = 0;
}

void kouka_csv_fields_drop_completed(kouka_csv_fields *f) {
    f->completed_count = 0;
    if (f->open_first_field == f->ends_count) {
        f->storage_count = 0;
        f->ends_count = 0;
    } else {
        long shift = f->open_first_field == 0 ? 0 : f->ends[f->open_first_field - 1];
        memmove(f->storage, f->storage + shift, (size_t)(f->storage_count - shift));
        f->storage_count -= shift;
        for (long index = f->open_first_field; index < f->ends_count; index++) f->ends[index - f->open_first_field] = f->ends[index] - shift;
        f->ends_count -= f->open_first_field;
    }
    f->open_first_field = 0;
}
