/* data.c - the records of a mailing's data file (see batch.h): common
 * checks after the format's reader (data_csv.c, data_jsonl.c). */
#include "batch_int.h"
#include <stdarg.h>
#include <string.h>

const char *data_column(struct data_builder *b, const char *name)
{
  const char *have = g_hash_table_lookup(b->column_set, name);
  if (have) return have;
  char *copy = g_strdup(name);
  g_hash_table_insert(b->column_set, copy, copy);
  g_ptr_array_add(b->columns, copy);
  return copy;
}

void data_add(struct data_builder *b, unsigned line, const char *const *names, char **values,
              size_t n, bool own_names)
{
  /* One allocation per record: a mailing of 100,000 records should cost
   * little more memory than one of 1,000. */
  size_t bytes = n * sizeof(char *);
  for (size_t i = 0; i < n; i++) bytes += strlen(values[i]) + 1;
  char **packed = g_malloc(bytes ? bytes : 1);
  char *at = (char *)(packed + n);
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(values[i]) + 1;
    memcpy(at, values[i], len);
    packed[i] = at;
    at += len;
    g_free(values[i]);
  }
  g_free(values);
  struct batch_record r = { NULL, line, names, packed, n, own_names, NULL };
  g_array_append_val(b->records, r);
}

void data_add_error(struct data_builder *b, unsigned line, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  struct batch_record r = { NULL, line, NULL, NULL, 0, false, g_strdup_vprintf(fmt, ap) };
  va_end(ap);
  g_array_append_val(b->records, r);
}

void data_error(struct data_builder *b, unsigned line, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  char *msg = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  size_t off = line > 0 && line <= b->sf->nlines ? b->sf->lines[line - 1] : b->sf->body;
  diag_span(&b->u->diags, DIAG_ERROR, "batch.data", b->sf, off, off, NULL, "%s", msg);
  g_free(msg);
}

const char *batch_field(const struct batch_record *r, const char *name)
{
  for (size_t i = 0; i < r->n; i++)
    if (!strcmp(r->names[i], name)) return r->values[i];
  return NULL;
}

/* Every record needs an id, and no two the same: the id names the PDF
 * and the line of the manifest. */
static void check_ids(struct batch_data *d)
{
  GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
  for (size_t i = 0; i < d->n; i++) {
    struct batch_record *r = &d->records[i];
    const char *id = r->error ? NULL : batch_field(r, "id");
    if (r->error) {
      /* A malformed row may still show its id: the first field of a CSV line. */
      continue;
    }
    if (!id || !*g_strstrip((char *)id)) {
      r->error = g_strdup("the record has no id");
      continue;
    }
    unsigned first = GPOINTER_TO_UINT(g_hash_table_lookup(seen, id));
    if (first) {
      /* Known by its line from here on: the id belongs to the first. */
      r->error = g_strdup_printf("the id '%s' is used before, on line %u", id, first);
      continue;
    }
    r->id = g_strdup(id);
    g_hash_table_insert(seen, r->id, GUINT_TO_POINTER(r->line));
  }
  g_hash_table_destroy(seen);
}

struct batch_data *data_load_raw(struct unit *u, const char *path)
{
  const char *why = NULL;
  /* A data file is no spec: a million records is a normal mailing. */
  struct srcfile *sf = srcfile_load_max(path, (size_t)1 << 30, &why);
  if (!sf) {
    diag_file(&u->diags, DIAG_ERROR, "io.read", path, "cannot read the data: %s", why);
    return NULL;
  }
  unit_adopt_file(u, sf);
  struct batch_data *d = g_new0(struct batch_data, 1);
  d->path = g_strdup(path);
  struct data_builder b = { u, sf, d, g_array_new(FALSE, TRUE, sizeof(struct batch_record)),
                            g_ptr_array_new(), g_hash_table_new(g_str_hash, g_str_equal) };
  bool jsonl = g_str_has_suffix(path, ".jsonl") || g_str_has_suffix(path, ".ndjson");
  const char *data = sf->data + sf->body;        /* after a byte-order mark */
  size_t len = sf->len - sf->body;
  int rc = jsonl ? data_read_jsonl(&b, data, len) : data_read_csv(&b, data, len);
  d->n = b.records->len;
  d->records = (struct batch_record *)(void *)g_array_free(b.records, FALSE);
  d->ncolumns = b.columns->len;
  g_ptr_array_add(b.columns, NULL);
  d->columns = (char **)g_ptr_array_free(b.columns, FALSE);
  g_hash_table_destroy(b.column_set);
  if (rc != 0) {
    batch_data_free(d);
    return NULL;
  }
  return d;
}

struct batch_data *batch_data_load(struct unit *u, const char *path)
{
  struct batch_data *d = data_load_raw(u, path);
  if (d) check_ids(d);
  return d;
}

void batch_data_free(struct batch_data *d)
{
  if (!d) return;
  for (size_t i = 0; i < d->n; i++) {
    struct batch_record *r = &d->records[i];
    g_free(r->values);
    if (r->own_names) g_free((void *)r->names);   /* the array; the names are d->columns */
    g_free(r->id);
    g_free(r->error);
  }
  g_free(d->records);
  g_free(d->header);
  g_strfreev(d->columns);
  g_free(d->path);
  g_free(d);
}
