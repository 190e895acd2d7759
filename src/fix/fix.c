/* fix.c - gathering, checking and applying safe fixes (see fix.h). */
#include "fix.h"
#include "../base/util.h"
#include "../spec/spec.h"
#include <glib.h>
#include <stdlib.h>
#include <string.h>

struct edit {
  size_t start, end;
  char  *text;
};

/* One source file: its bytes as lint read them, and the edits. */
struct fixfile {
  char   *path;
  char   *data;
  size_t  len;
  GArray *edits;       /* struct edit */
};

struct fixes {
  GHashTable *files;   /* path -> struct fixfile */
  GPtrArray  *order;   /* paths in the order first seen */
  size_t      count;
};

static void fixfile_free(gpointer p)
{
  struct fixfile *ff = p;
  for (guint i = 0; i < ff->edits->len; i++) g_free(g_array_index(ff->edits, struct edit, i).text);
  g_array_free(ff->edits, TRUE);
  g_free(ff->data);
  g_free(ff->path);
  g_free(ff);
}

struct fixes *fixes_new(void)
{
  struct fixes *f = g_new0(struct fixes, 1);
  f->files = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, fixfile_free);
  f->order = g_ptr_array_new();
  return f;
}

void fixes_free(struct fixes *f)
{
  if (!f) return;
  g_ptr_array_free(f->order, TRUE);
  g_hash_table_destroy(f->files);
  g_free(f);
}

size_t fixes_count(const struct fixes *f) { return f->count; }
size_t fixes_files(const struct fixes *f) { return f->order->len; }

/* True when [start, end) overlaps an edit already taken; an identical
 * edit (the same block fixed through two letters) counts as taken. */
static bool overlaps(const struct fixfile *ff, size_t start, size_t end)
{
  for (guint i = 0; i < ff->edits->len; i++) {
    const struct edit *e = &g_array_index(ff->edits, struct edit, i);
    if (start < e->end && e->start < end) return true;
  }
  return false;
}

size_t fixes_collect(struct fixes *f, const struct diag_list *l)
{
  size_t added = 0;
  for (size_t i = 0; i < l->n; i++) {
    const struct diag *d = &l->items[i];
    if (!d->fix || !d->fix_src) continue;
    const struct srcfile *sf = d->fix_src;
    struct fixfile *ff = g_hash_table_lookup(f->files, sf->name);
    if (!ff) {
      ff = g_new0(struct fixfile, 1);
      ff->path = g_strdup(sf->name);
      ff->data = g_memdup2(sf->data, sf->len + 1);
      ff->len = sf->len;
      ff->edits = g_array_new(FALSE, FALSE, sizeof(struct edit));
      g_hash_table_insert(f->files, ff->path, ff);
      g_ptr_array_add(f->order, ff->path);
    }
    if (d->fix_end > ff->len || overlaps(ff, d->fix_start, d->fix_end)) continue;
    struct edit e = { d->fix_start, d->fix_end, g_strdup(d->fix) };
    g_array_append_val(ff->edits, e);
    f->count++;
    added++;
  }
  return added;
}

static int by_start(const void *a, const void *b)
{
  const struct edit *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

static char *edited(const struct fixfile *ff, size_t *len)
{
  g_array_sort(ff->edits, by_start);
  GString *g = g_string_sized_new(ff->len + 64);
  size_t at = 0;
  for (guint i = 0; i < ff->edits->len; i++) {
    const struct edit *e = &g_array_index(ff->edits, struct edit, i);
    g_string_append_len(g, ff->data + at, (gssize)(e->start - at));
    g_string_append(g, e->text);
    at = e->end;
  }
  g_string_append_len(g, ff->data + at, (gssize)(ff->len - at));
  *len = g->len;
  return g_string_free(g, FALSE);
}

/* ---- the same YAML after the edit ---------------------------------------------- */

static bool same_shape(const struct spec_node *a, const struct spec_node *b)
{
  if (!a || !b) return a == b;
  if (a->kind != b->kind || a->n != b->n) return false;
  if (a->kind == SPEC_SCALAR) return a->style == b->style;
  for (size_t i = 0; i < a->n; i++) {
    /* Map keys are never edited: they must read the same. */
    if (a->kind == SPEC_MAP && i % 2 == 0 &&
        (a->kids[i]->kind != SPEC_SCALAR || b->kids[i]->kind != SPEC_SCALAR ||
         strcmp(a->kids[i]->text.s, b->kids[i]->text.s)))
      return false;
    if (!same_shape(a->kids[i], b->kids[i])) return false;
  }
  return true;
}

static bool still_same_yaml(const struct fixfile *ff, const char *data, size_t len)
{
  struct unit *u = unit_new();
  struct srcfile *before = srcfile_from_mem(ff->path, ff->data, ff->len);
  struct srcfile *after = srcfile_from_mem(ff->path, data, len);
  unit_adopt_file(u, before);
  unit_adopt_file(u, after);
  const struct spec_node *a = spec_parse(u, before), *b = spec_parse(u, after);
  bool same = a && b && same_shape(a, b);
  unit_free(u);
  return same;
}

/* ---- unified diff ------------------------------------------------------------------- */

struct lines {
  const char **at;     /* start of each line */
  size_t      *len;    /* its length with the line break */
  size_t       n;
};

static struct lines split_lines(const char *s, size_t len)
{
  struct lines l = { 0 };
  size_t cap = 16;
  l.at = g_new(const char *, cap);
  l.len = g_new(size_t, cap);
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(s + i, '\n', len - i);
    size_t n = nl ? (size_t)(nl - (s + i)) + 1 : len - i;
    if (l.n == cap) {
      cap *= 2;
      l.at = g_renew(const char *, l.at, cap);
      l.len = g_renew(size_t, l.len, cap);
    }
    l.at[l.n] = s + i;
    l.len[l.n++] = n;
    i += n;
  }
  return l;
}

static void put_line(FILE *out, char sign, const char *s, size_t n)
{
  fputc(sign, out);
  fwrite(s, 1, n, out);
  if (n == 0 || s[n - 1] != '\n') fputs("\n\\ No newline at end of file\n", out);
}

static bool same_line(const struct lines *a, const struct lines *b, size_t i)
{
  return a->len[i] == b->len[i] && !memcmp(a->at[i], b->at[i], a->len[i]);
}

/* The edits never add or remove a line break, so line I of the old text
 * is line I of the new one and a hunk has as many lines on both sides. */
static void write_diff(FILE *out, const char *path, const char *old, size_t oldlen,
                       const char *new, size_t newlen)
{
  enum { CONTEXT = 3 };
  struct lines a = split_lines(old, oldlen), b = split_lines(new, newlen);
  fprintf(out, "--- %s\n+++ %s\n", path, path);
  size_t n = a.n < b.n ? a.n : b.n;
  for (size_t i = 0; i < n;) {
    if (same_line(&a, &b, i)) { i++; continue; }
    size_t from = i > CONTEXT ? i - CONTEXT : 0, to = i, last = i;
    /* Extend the hunk while the next change is within two contexts. */
    for (size_t j = i; j < n && j <= last + 2 * CONTEXT; j++)
      if (!same_line(&a, &b, j)) last = j;
    to = last + CONTEXT + 1 < n ? last + CONTEXT + 1 : n;
    fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n", from + 1, to - from, from + 1, to - from);
    for (size_t j = from; j < to; j++) {
      if (same_line(&a, &b, j)) {
        put_line(out, ' ', a.at[j], a.len[j]);
      } else {
        size_t k = j;
        while (k < to && !same_line(&a, &b, k)) k++;
        for (size_t m = j; m < k; m++) put_line(out, '-', a.at[m], a.len[m]);
        for (size_t m = j; m < k; m++) put_line(out, '+', b.at[m], b.len[m]);
        j = k - 1;
      }
    }
    i = to;
  }
  g_free(a.at); g_free(a.len); g_free(b.at); g_free(b.len);
}

/* ---- applying ----------------------------------------------------------------------- */

size_t fixes_apply(struct fixes *f, bool dry_run, FILE *out, struct unit *u)
{
  size_t applied = 0;
  for (guint i = 0; i < f->order->len; i++) {
    struct fixfile *ff = g_hash_table_lookup(f->files, f->order->pdata[i]);
    if (ff->edits->len == 0) continue;
    char *now = NULL;
    gsize nowlen = 0;
    if (!g_file_get_contents(ff->path, &now, &nowlen, NULL) || nowlen != ff->len ||
        memcmp(now, ff->data, ff->len)) {
      diag_file(&u->diags, DIAG_ERROR, "fix.conflict", ff->path,
                "the file changed while it was being checked; not fixed");
      g_free(now);
      continue;
    }
    g_free(now);
    size_t len;
    char *data = edited(ff, &len);
    if (!still_same_yaml(ff, data, len)) {
      diag_file(&u->diags, DIAG_ERROR, "fix.conflict", ff->path,
                "the fixes would change the YAML structure; not fixed");
    } else if (dry_run) {
      write_diff(out, ff->path, ff->data, ff->len, data, len);
      applied += ff->edits->len;
    } else if (write_file_atomic(ff->path, data, len) != 0) {
      diag_file(&u->diags, DIAG_ERROR, "io.write", ff->path, "cannot write the fixes: %m");
    } else {
      applied += ff->edits->len;
    }
    g_free(data);
  }
  return applied;
}
