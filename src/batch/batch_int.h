/* batch_int.h - what the files of batch/ share. */
#ifndef BB_BATCH_INT_H
#define BB_BATCH_INT_H
#include "batch.h"
#include <glib.h>

/* Builds the records of a data file; the readers fill it. */
struct data_builder {
  struct unit       *u;
  const struct srcfile *sf;
  struct batch_data *d;
  GArray            *records;   /* struct batch_record */
  GPtrArray         *columns;   /* names seen, in order */
  GHashTable        *column_set;
};

/* Adds a record with fields NAMES/VALUES (the values are taken over and
 * packed into one block; the names array too when OWN_NAMES), or a
 * malformed one with ERROR (printf-style) and no fields. */
void data_add(struct data_builder *b, unsigned line, const char *const *names, char **values,
              size_t n, bool own_names);
void data_add_error(struct data_builder *b, unsigned line, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));
/* An error about the file as a whole, at LINE (file:line:col). */
void data_error(struct data_builder *b, unsigned line, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));
/* Interns a column name: the same pointer for the same name. */
const char *data_column(struct data_builder *b, const char *name);

/* The readers: 0, or -1 with diagnostics on B->u when the file as a whole
 * is unusable. DATA is the file's bytes (LEN, NUL-terminated). */
int data_read_csv(struct data_builder *b, const char *data, size_t len);
int data_read_jsonl(struct data_builder *b, const char *data, size_t len);

/* The records of PATH as they are, without the checks of ids. */
struct batch_data *data_load_raw(struct unit *u, const char *path);

/* A letter of the print file (combine.c). */
struct combine_item {
  const char *file;      /* in the output folder */
  unsigned    pages;
};
/* Joins the letters ITEMS (in that order) into the PDF OUT, each padded
 * with a blank page to an even number of pages. 0, or -1 with
 * diagnostics on U. */
int batch_combine(struct unit *u, const char *dir, const struct combine_item *items, size_t n,
                  const char *out);

/* S as one CSV field (quoted when it must be); g_free. data_csv.c. */
char *data_csv_field(const char *s);

#endif
