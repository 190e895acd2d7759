/* baseline.c - the accepted findings of lint --baseline (see baseline.h). */
#include "baseline.h"
#include "../base/util.h"
#include <glib.h>
#include <string.h>

struct entry {
  char    *rule, *file, *text, *message;
  unsigned count, taken;
};

struct baseline {
  char       *dir;        /* canonical folder of the baseline file */
  GHashTable *entries;    /* "rule\x1ffile\x1ftext" -> struct entry */
  unsigned    taken;
};

static void entry_free(gpointer p)
{
  struct entry *e = p;
  g_free(e->rule); g_free(e->file); g_free(e->text); g_free(e->message);
  g_free(e);
}

struct baseline *baseline_new(const char *dir)
{
  struct baseline *b = g_new0(struct baseline, 1);
  b->dir = g_canonicalize_filename(dir, NULL);
  b->entries = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, entry_free);
  return b;
}

void baseline_free(struct baseline *b)
{
  if (!b) return;
  g_hash_table_destroy(b->entries);
  g_free(b->dir);
  g_free(b);
}

char *baseline_relpath(const struct baseline *b, const char *path)
{
  char *abs = g_canonicalize_filename(path, NULL);
  char **from = g_strsplit(b->dir, "/", -1), **to = g_strsplit(abs, "/", -1);
  size_t i = 0;
  while (from[i] && to[i] && to[i + 1] && !strcmp(from[i], to[i])) i++;
  GString *g = g_string_new(NULL);
  for (size_t k = i; from[k]; k++)
    if (*from[k]) g_string_append(g, "../");
  for (size_t k = i; to[k]; k++)
    g_string_append_printf(g, "%s%s", to[k], to[k + 1] ? "/" : "");
  g_strfreev(from);
  g_strfreev(to);
  g_free(abs);
  return g_string_free(g, FALSE);
}

static char *key_of(const char *rule, const char *file, const char *text)
{
  return g_strdup_printf("%s\x1f%s\x1f%s", rule, file, text);
}

void baseline_add(struct baseline *b, const char *rule, const char *file, const char *text,
                  const char *message, unsigned count)
{
  char *key = key_of(rule, file, text);
  struct entry *e = g_hash_table_lookup(b->entries, key);
  if (e) {
    e->count += count;
    g_free(key);
    return;
  }
  e = g_new0(struct entry, 1);
  *e = (struct entry){ g_strdup(rule), g_strdup(file), g_strdup(text), g_strdup(message), count, 0 };
  g_hash_table_insert(b->entries, key, e);
}

bool baseline_take(struct baseline *b, const char *rule, const char *file, const char *text)
{
  char *key = key_of(rule, file, text);
  struct entry *e = g_hash_table_lookup(b->entries, key);
  g_free(key);
  if (!e || e->taken >= e->count) return false;
  e->taken++;
  b->taken++;
  return true;
}

unsigned baseline_taken(const struct baseline *b)
{
  return b->taken;
}

unsigned baseline_left(const struct baseline *b)
{
  unsigned n = 0;
  GHashTableIter it;
  gpointer v;
  g_hash_table_iter_init(&it, b->entries);
  while (g_hash_table_iter_next(&it, NULL, &v)) {
    const struct entry *e = v;
    n += e->count - e->taken;
  }
  return n;
}

static int by_place(const void *a, const void *b)
{
  const struct entry *x = *(struct entry *const *)a, *y = *(struct entry *const *)b;
  int c = strcmp(x->file, y->file);
  if (!c) c = strcmp(x->rule, y->rule);
  return c ? c : strcmp(x->text, y->text);
}

int baseline_write(const struct baseline *b, FILE *out, const char *version)
{
  guint n = g_hash_table_size(b->entries);
  struct entry **all = g_new(struct entry *, n ? n : 1);
  GHashTableIter it;
  gpointer v;
  guint i = 0;
  g_hash_table_iter_init(&it, b->entries);
  while (g_hash_table_iter_next(&it, NULL, &v)) all[i++] = v;
  if (n) qsort(all, n, sizeof *all, by_place);
  fprintf(out, "# beeldbrief %s lint baseline: findings accepted for now.\n"
               "# `beeldbrief lint --baseline FILE` reports only findings not listed here;\n"
               "# a finding is matched by its rule, file and text, not by its line.\n"
               "# Write it again with --write-baseline when findings have been fixed.\n"
               "version: 1\n%s", version, n ? "findings:\n" : "");
  for (i = 0; i < n; i++) {
    /* JSON strings are valid YAML double-quoted scalars. */
    fputs("  - rule: ", out);
    json_write_string(out, all[i]->rule);
    fputs("\n    file: ", out);
    json_write_string(out, all[i]->file);
    fputs("\n    text: ", out);
    json_write_string(out, all[i]->text);
    if (all[i]->count > 1) fprintf(out, "\n    count: %u", all[i]->count);
    if (all[i]->message) {
      fputs("\n    message: ", out);
      json_write_string(out, all[i]->message);
    }
    fputc('\n', out);
  }
  g_free(all);
  return ferror(out) ? -1 : 0;
}
