/* data_csv.c - CSV data (RFC 4180, UTF-8, a header row) through libcsv,
 * the only file that uses it.
 *
 * The data is fed to the parser line by line so that every record knows
 * the line it starts on, and a broken line (bad quoting) costs only its
 * own record: the parser starts again on the next line. */
#include "batch_int.h"
#include <csv.h>
#include <string.h>

struct csv_ctx {
  struct data_builder *b;
  GPtrArray           *fields;     /* of the row being read */
  const char          *bad;        /* why the row is malformed, or NULL */
  char                *header_error;
  const char         **header;     /* interned names */
  size_t               ncols;
  unsigned             row_line;   /* the line the row started on */
  unsigned             line;       /* the line being fed */
  bool                 have_header;
};

static void on_field(void *s, size_t len, void *data)
{
  struct csv_ctx *c = data;
  if (!c->bad && !g_utf8_validate(s ? s : "", (gssize)len, NULL)) c->bad = "invalid UTF-8";
  g_ptr_array_add(c->fields, g_strndup(s ? s : "", len));
}

static void header_row(struct csv_ctx *c)
{
  c->ncols = c->fields->len;
  c->header = g_new0(const char *, c->ncols ? c->ncols : 1);
  GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
  for (size_t i = 0; i < c->ncols && !c->header_error; i++) {
    char *name = g_strstrip((char *)c->fields->pdata[i]);
    if (!*name) c->header_error = g_strdup_printf("column %zu of the header has no name", i + 1);
    else if (g_hash_table_contains(seen, name))
      c->header_error = g_strdup_printf("the column '%s' is in the header twice", name);
    else if (c->bad) c->header_error = g_strdup(c->bad);
    else c->header[i] = data_column(c->b, name);
    g_hash_table_add(seen, name);
  }
  g_hash_table_destroy(seen);
  c->have_header = true;
}

static void on_row(int term, void *data)
{
  (void)term;
  struct csv_ctx *c = data;
  if (!c->have_header) {
    header_row(c);
  } else if (c->bad) {
    data_add_error(c->b, c->row_line, "%s", c->bad);
  } else if (c->fields->len != c->ncols) {
    data_add_error(c->b, c->row_line, "the row has %u fields where the header has %zu",
                   c->fields->len, c->ncols);
  } else {
    char **values = g_new(char *, c->ncols ? c->ncols : 1);
    for (size_t i = 0; i < c->ncols; i++) {
      values[i] = c->fields->pdata[i];
      c->fields->pdata[i] = NULL;
    }
    data_add(c->b, c->row_line, c->header, values, c->ncols, false);
  }
  g_ptr_array_set_size(c->fields, 0);
  c->bad = NULL;
  c->row_line = c->line + 1;
}

int data_read_csv(struct data_builder *b, const char *data, size_t len)
{
  /* Where each line starts, to go back to after broken quoting. */
  GArray *starts = g_array_new(FALSE, FALSE, sizeof(size_t));
  for (size_t at = 0; at < len;) {
    g_array_append_val(starts, at);
    const char *nl = memchr(data + at, '\n', len - at);
    at = nl ? (size_t)(nl - data) + 1 : len;
  }
  size_t nlines = starts->len;
  struct csv_parser p;
  struct csv_ctx c = { b, g_ptr_array_new_with_free_func(g_free), NULL, NULL, NULL, 0, 1, 1, false };
  csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  for (;;) {
    bool broken = false;
    while (c.line <= nlines && !c.header_error) {
      size_t at = g_array_index(starts, size_t, c.line - 1);
      size_t n = (c.line < nlines ? g_array_index(starts, size_t, c.line) : len) - at;
      if (csv_parse(&p, data + at, n, on_field, on_row, &c) != n) { broken = true; break; }
      c.line++;
    }
    if (!broken && !c.header_error) {
      if (csv_fini(&p, on_field, on_row, &c) == 0) break;
      broken = true;                           /* a quote still open at the end */
    }
    if (c.header_error) break;
    if (!c.have_header) {
      c.header_error = g_strdup("the header row has broken quoting");
      break;
    }
    /* Broken quoting: the record is malformed, and an open quote may have
     * swallowed the lines after it. Start afresh on the line after the
     * record's first line, so that no other record is lost. */
    data_add_error(b, c.row_line, "broken quoting: a field's quotes are not closed or not "
                   "followed by a comma");
    g_ptr_array_set_size(c.fields, 0);
    c.bad = NULL;
    c.line = c.row_line + 1;
    c.row_line = c.line;
    csv_free(&p);
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    if (c.line > nlines) break;
  }
  g_array_free(starts, TRUE);
  csv_free(&p);
  int rc = 0;
  if (c.header_error || !c.have_header) {
    data_error(b, 1, "%s", c.header_error ? c.header_error : "the file is empty: a CSV file needs a header row");
    rc = -1;
  } else if (!g_hash_table_contains(b->column_set, "id")) {
    data_error(b, 1, "the header has no 'id' column; every record needs a unique id");
    rc = -1;
  }
  g_free(c.header_error);
  b->d->header = c.header;             /* the records share it */
  g_ptr_array_unref(c.fields);
  return rc;
}

char *data_csv_field(const char *s)
{
  size_t n = strlen(s);
  /* csv_write2 quotes always; plain fields stay plain for the reader. */
  if (!strpbrk(s, ",\"\r\n") && (n == 0 || (s[0] != ' ' && s[n - 1] != ' '))) return g_strdup(s);
  size_t need = csv_write2(NULL, 0, s, n, CSV_QUOTE);
  char *out = g_malloc(need + 1);
  csv_write2(out, need, s, n, CSV_QUOTE);
  out[need] = '\0';
  return out;
}
