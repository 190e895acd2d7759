/* vocab.c - building, merging and writing word lists (see vocab.h). */
#include "vocab.h"
#include <glib.h>
#include <string.h>

struct vocab *vocab_new(const char *path)
{
  struct vocab *v = g_new0(struct vocab, 1);
  v->path = g_strdup(path);
  return v;
}

struct vocab_term *vocab_add_term(struct vocab *v, const char *term)
{
  v->terms = g_renew(struct vocab_term, v->terms, v->nterms + 1);
  struct vocab_term *t = &v->terms[v->nterms++];
  memset(t, 0, sizeof *t);
  t->term = g_strdup(term);
  return t;
}

void vocab_add_avoid(struct vocab_term *t, const char *word, const char *reason, const char *use)
{
  t->avoid = g_renew(struct vocab_avoid, t->avoid, t->navoid + 1);
  t->avoid[t->navoid++] = (struct vocab_avoid){ g_strdup(word), g_strdup(reason), g_strdup(use) };
}

static void push(char ***list, size_t *n, const char *s)
{
  *list = g_renew(char *, *list, *n + 1);
  (*list)[(*n)++] = g_strdup(s);
}

void vocab_add_admitted(struct vocab_term *t, const char *word) { push(&t->admitted, &t->nadmitted, word); }
void vocab_add_word(struct vocab *v, const char *word) { push(&v->words, &v->nwords, word); }
void vocab_add_org_variant(struct vocab *v, const char *word) { push(&v->org_variants, &v->norg_variants, word); }

static void move_list(char ***into, size_t *n, char ***from, size_t *m)
{
  *into = g_renew(char *, *into, *n + *m);
  memcpy(*into + *n, *from, *m * sizeof **from);
  *n += *m;
  g_free(*from);
  *from = NULL;
  *m = 0;
}

void vocab_merge(struct vocab *into, struct vocab *from)
{
  into->terms = g_renew(struct vocab_term, into->terms, into->nterms + from->nterms);
  memcpy(into->terms + into->nterms, from->terms, from->nterms * sizeof *from->terms);
  into->nterms += from->nterms;
  g_free(from->terms);
  from->terms = NULL;
  from->nterms = 0;
  move_list(&into->words, &into->nwords, &from->words, &from->nwords);
  move_list(&into->org_variants, &into->norg_variants, &from->org_variants, &from->norg_variants);
  if (!into->org_name) { into->org_name = from->org_name; from->org_name = NULL; }
  if (!into->org_short) { into->org_short = from->org_short; from->org_short = NULL; }
  vocab_free(from);
}

static void free_list(char **list, size_t n)
{
  for (size_t i = 0; i < n; i++) g_free(list[i]);
  g_free(list);
}

void vocab_free(struct vocab *v)
{
  if (!v) return;
  if (v->index && v->index_free) v->index_free(v->index);
  for (size_t i = 0; i < v->nterms; i++) {
    struct vocab_term *t = &v->terms[i];
    g_free(t->term);
    g_free(t->explain);
    g_free(t->note);
    free_list(t->admitted, t->nadmitted);
    for (size_t j = 0; j < t->navoid; j++) {
      g_free(t->avoid[j].word);
      g_free(t->avoid[j].reason);
      g_free(t->avoid[j].use);
    }
    g_free(t->avoid);
  }
  g_free(v->terms);
  free_list(v->words, v->nwords);
  free_list(v->org_variants, v->norg_variants);
  g_free(v->org_name);
  g_free(v->org_short);
  g_free(v->path);
  g_free(v);
}

/* A YAML double-quoted scalar: always safe, whatever the text holds. */
static void yq(FILE *out, const char *s)
{
  fputc('"', out);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\') fprintf(out, "\\%c", *p);
    else if (*p == '\n') fputs("\\n", out);
    else if (*p == '\t') fputs("\\t", out);
    else if (*p < 0x20) fprintf(out, "\\x%02X", *p);
    else fputc(*p, out);
  }
  fputc('"', out);
}

int vocab_write_yaml(const struct vocab *v, FILE *out)
{
  fprintf(out, "# Word list converted from %s by beeldbrief import-tbx.\n", v->path);
  if (v->org_name) {
    fputs("organisation:\n  name: ", out);
    yq(out, v->org_name);
    fputc('\n', out);
  }
  fputs(v->nterms ? "terms:\n" : "terms: []\n", out);
  for (size_t i = 0; i < v->nterms; i++) {
    const struct vocab_term *t = &v->terms[i];
    fputs("  - term: ", out);
    yq(out, t->term);
    fputc('\n', out);
    if (t->fixed) fputs("    fixed: true\n", out);
    if (t->explain) { fputs("    explain: ", out); yq(out, t->explain); fputc('\n', out); }
    if (t->nadmitted) {
      fputs("    admitted: [", out);
      for (size_t j = 0; j < t->nadmitted; j++) {
        if (j) fputs(", ", out);
        yq(out, t->admitted[j]);
      }
      fputs("]\n", out);
    }
    if (t->navoid) fputs("    avoid:\n", out);
    for (size_t j = 0; j < t->navoid; j++) {
      fputs("      - word: ", out);
      yq(out, t->avoid[j].word);
      fputs("\n        reason: ", out);
      yq(out, t->avoid[j].reason);
      fputc('\n', out);
      if (t->avoid[j].use) { fputs("        use: ", out); yq(out, t->avoid[j].use); fputc('\n', out); }
    }
    if (t->note) { fputs("    note: ", out); yq(out, t->note); fputc('\n', out); }
  }
  return ferror(out) ? -1 : 0;
}
