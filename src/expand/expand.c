/* expand.c - standard text blocks and {{ variables }} (see expand.h). */
#include "expand_int.h"
#include "../base/util.h"
#include "../base/xalloc.h"
#include "../model/letter.h"
#include "../spec/spec.h"
#include <ctype.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- standard text blocks ---------------------------------------------- */

static bool valid_block_name(const char *s)
{
  if (!*s) return false;
  for (; *s; s++)
    if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '-' && *s != '_')
      return false;
  return true;
}

static int expand_standard(struct unit *u, struct block *b, const struct expand_opts *o)
{
  const struct text *name = &b->as.text;
  if (!valid_block_name(name->s)) {
    diag_text(&u->diags, DIAG_ERROR, "spec.standard", name, 0, 0, NULL,
              "'%s' is not a standard block name; names use a-z, 0-9, - and _", name->s);
    return -1;
  }
  for (size_t d = 0; d < o->nblock_dirs; d++) {
    char *path = g_strdup_printf("%s/%s.yaml", o->block_dirs[d], name->s);
    struct stat st;
    bool found = stat(path, &st) == 0 && S_ISREG(st.st_mode);
    int rc = found ? spec_load_blocks(u, path, &b->sub, &b->nsub) : 0;
    g_free(path);
    if (!found) continue;
    if (rc != 0) return -1;
    for (size_t i = 0; i < b->nsub; i++)
      if (b->sub[i].type == BLOCK_STANDARD) {
        diag_text(&u->diags, DIAG_ERROR, "spec.standard", &b->sub[i].key, 0, 0, NULL,
                  "a standard block cannot include another standard block");
        return -1;
      }
    return 0;
  }
  char buf[256];
  const char *best = suggest_file(name->s, o->block_dirs, o->nblock_dirs, ".yaml", buf, sizeof buf);
  if (best)
    diag_text(&u->diags, DIAG_ERROR, "spec.standard", name, 0, 0, best,
              "unknown standard block '%s'; did you mean '%s'?", name->s, best);
  else
    diag_text(&u->diags, DIAG_ERROR, "spec.standard", name, 0, 0, NULL,
              "unknown standard block '%s'", name->s);
  return -1;
}

/* ---- variables ------------------------------------------------------------ */

long expand_find_var(const char *s, size_t len, size_t from, const char **name,
                     size_t *name_len, long *end)
{
  const char *open = from < len ? strstr(s + from, "{{") : NULL;
  if (!open || (size_t)(open - s) >= len) return -1;
  const char *p = open + 2;
  while (*p == ' ') p++;
  const char *n = p;
  while (*p && *p != '}' && *p != '{' && *p != '\n' && p - open < 80) p++;
  const char *ne = p;
  while (ne > n && ne[-1] == ' ') ne--;
  *name = n;
  *name_len = (size_t)(ne - n);
  *end = (p[0] == '}' && p[1] == '}') ? (long)(p + 2 - s) : -1;
  return (long)(open - s);
}

struct var_ctx {
  struct unit              *u;
  const struct letter      *l;
  const struct expand_opts *o;
  int                       errors;
};

static bool name_ok(const char *n, size_t len)
{
  if (!len || (!isalpha((unsigned char)n[0]) && n[0] != '_')) return false;
  for (size_t i = 1; i < len; i++)
    if (!isalnum((unsigned char)n[i]) && n[i] != '_') return false;
  return true;
}

static const char *lookup(const struct var_ctx *c, const char *n, size_t len)
{
  for (size_t i = 0; i < c->o->nvalues; i++)
    if (strlen(c->o->names[i]) == len && memcmp(c->o->names[i], n, len) == 0)
      return c->o->values[i];
  if (c->o->only_values) return NULL;
  for (size_t i = 0; i < c->l->nvars; i++)
    if (c->l->vars[i].name.len == len && memcmp(c->l->vars[i].name.s, n, len) == 0)
      return c->l->vars[i].value.s;
  return NULL;
}

static void report_unknown(struct var_ctx *c, const struct text *t, size_t at, size_t span,
                           const char *n, size_t len)
{
  char *want = g_strndup(n, len);
  size_t ncand = c->o->nvalues + (c->o->only_values ? 0 : c->l->nvars);
  const char **cands = xcalloc(ncand ? ncand : 1, sizeof *cands);
  for (size_t i = 0; i < c->o->nvalues; i++) cands[i] = c->o->names[i];
  for (size_t i = 0; i < ncand - c->o->nvalues; i++) cands[c->o->nvalues + i] = c->l->vars[i].name.s;
  const char *best = suggest_closest(want, cands, ncand);
  if (c->o->only_values)
    diag_text(&c->u->diags, DIAG_ERROR, "spec.variable", t, at, span, NULL,
              "the data has no field '%s'", want);
  else if (best)
    diag_text(&c->u->diags, DIAG_ERROR, "spec.variable", t, at, span, best,
              "variable '%s' has no value; did you mean '%s'?", want, best);
  else
    diag_text(&c->u->diags, DIAG_ERROR, "spec.variable", t, at, span, NULL,
              "variable '%s' has no value; give it one under 'variables:'", want);
  free(cands);
  g_free(want);
  c->errors++;
}

/* A value is text, never markup: "**" in it would turn bold on, so a
 * word joiner (U+2060, invisible) goes between the stars. */
static char *as_text(char *v)
{
  if (!strstr(v, "**")) return v;
  GString *g = g_string_new(NULL);
  for (const char *p = v; *p; p++) {
    g_string_append_c(g, *p);
    if (p[0] == '*' && p[1] == '*') g_string_append(g, "\xE2\x81\xA0");
  }
  g_free(v);
  return g_string_free(g, FALSE);
}

/* The value for the placeholder N (NLEN bytes: "name" or "name | filter
 * | ..."), or NULL after reporting why there is none. */
static char *value_of(struct var_ctx *c, const struct text *t, size_t o, size_t span,
                      const char *n, size_t nlen)
{
  char *inner = g_strndup(n, nlen);
  char **parts = g_strsplit(inner, "|", -1);
  g_free(inner);
  char *name = g_strstrip(parts[0]);
  char *val = NULL;
  if (!name_ok(name, strlen(name))) {
    diag_text(&c->u->diags, DIAG_ERROR, "spec.variable", t, o, span, NULL,
              "'%.*s' is not a valid variable; write {{ name }} with letters, digits and _",
              (int)span, t->s + o);
    c->errors++;
    goto done;
  }
  for (char **f = parts + 1; *f; f++) {
    const char *filter = g_strstrip(*f);
    bool known = false;
    for (const char *const *k = expand_filter_names; *k && !known; k++) known = !strcmp(*k, filter);
    if (known) continue;
    size_t nf = 0;
    while (expand_filter_names[nf]) nf++;
    const char *best = suggest_closest(filter, expand_filter_names, nf);
    diag_text(&c->u->diags, DIAG_ERROR, "spec.variable", t, o, span, best,
              "unknown filter '%s'%s%s%s; the filters are datum, datum-kort, bedrag, hoofdletter, "
              "hoofdletters, kleine-letters, date, date-short and amount", filter, best ? "; did you mean '" : "",
              best ? best : "", best ? "'?" : "");
    c->errors++;
    goto done;
  }
  const char *raw = lookup(c, name, strlen(name));
  if (!raw) {
    report_unknown(c, t, o, span, name, strlen(name));
    goto done;
  }
  if (strstr(raw, "{{")) {
    /* Values are filled in once; a placeholder inside a value would
     * reach the reader as it stands. */
    diag_text(&c->u->diags, DIAG_ERROR, "spec.variable", t, o, span, NULL,
              "the value of '%s' contains '{{'; a value cannot use other variables", name);
    c->errors++;
    goto done;
  }
  if (!*raw && c->o->only_values) {
    diag_text(&c->u->diags, DIAG_ERROR, "spec.variable", t, o, span, NULL,
              "'%s' is empty in this record", name);
    c->errors++;
    goto done;
  }
  val = g_strdup(raw);
  for (char **f = parts + 1; *f && val; f++) {
    char *error = NULL;
    char *next = expand_filter(*f, val, &error);
    if (!next) {
      diag_text(&c->u->diags, DIAG_ERROR, "spec.variable", t, o, span, NULL, "%s: %s", name, error);
      c->errors++;
    }
    g_free(error);
    g_free(val);
    val = next;
  }
  if (val) val = as_text(val);
done:
  g_strfreev(parts);
  return val;
}

/* Rewrites one text with its variables filled in, building the new map. */
static void substitute(struct text *t, const char *where, void *ctx)
{
  (void)where;
  struct var_ctx *c = ctx;
  if (!t->s || !strstr(t->s, "{{")) return;
  GString *out = g_string_sized_new(t->len + 32);
  struct textmap m;
  textmap_init(&m, &c->u->arena);
  size_t pos = 0;
  const char *n;
  size_t nlen;
  long end, open;
  while ((open = expand_find_var(t->s, t->len, pos, &n, &nlen, &end)) >= 0) {
    size_t o = (size_t)open;
    textmap_add_range(&m, out->len, t, pos, o);
    g_string_append_len(out, t->s + pos, (gssize)(o - pos));
    if (end < 0) {
      diag_text(&c->u->diags, DIAG_ERROR, "spec.variable", t, o, 2, NULL,
                "'{{' is not closed with '}}'");
      c->errors++;
      break;
    }
    size_t span = (size_t)end - o;
    char *val = value_of(c, t, o, span, n, nlen);
    if (val && *val) {
      /* The value has no place of its own in the spec: point at the
       * placeholder it replaces. */
      if (t->nsegs) {
        uint32_t lo = 0, hi = t->nsegs;
        while (hi - lo > 1) {
          uint32_t mid = lo + (hi - lo) / 2;
          if (t->segs[mid].voff <= o) lo = mid; else hi = mid;
        }
        size_t so = t->segs[lo].fixed ? t->segs[lo].soff : t->segs[lo].soff + (o - t->segs[lo].voff);
        textmap_add(&m, out->len, so, true, t->segs[lo].file ? t->segs[lo].file : t->file);
      } else {
        textmap_add(&m, out->len, t->start, true, t->file);
      }
      g_string_append(out, val);
    }
    g_free(val);
    pos = (size_t)end;
  }
  if (pos < t->len && (end >= 0 || open < 0)) {
    textmap_add_range(&m, out->len, t, pos, t->len);
    g_string_append_len(out, t->s + pos, (gssize)(t->len - pos));
  }
  const struct srcfile *ef;
  size_t eoff = text_source_offset(t, t->len, &ef);
  if (ef) textmap_end(&m, out->len, eoff, ef);
  t->s = arena_strndup(&c->u->arena, out->str, out->len);
  t->len = out->len;
  t->segs = m.segs;
  t->nsegs = m.n;
  g_string_free(out, TRUE);
}

static int check_date(struct unit *u, struct letter *l)
{
  if (!l->date.s || l->year) return 0;
  const char *s = l->date.s;
  int y, m, d;
  if (strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
      g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y) && s[4] == '-' && s[7] == '-') {
    l->year = y; l->month = m; l->day = d;
    return 0;
  }
  diag_text(&u->diags, DIAG_ERROR, "spec.value", &l->date, 0, 0, NULL,
            "the date '%s' is not a valid date; write it as year-month-day, "
            "for example 2026-11-27", s);
  return -1;
}

/* A condition holds when its variable has a value that does not say no. */
static bool truthy(const char *v)
{
  static const char *const no[] = { "0", "nee", "no", "false", "onwaar", "n" };
  while (*v == ' ') v++;
  if (!*v) return false;
  for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
    if (!g_ascii_strcasecmp(v, no[i])) return false;
  return true;
}

/* Drops the blocks whose `if:` or `unless:` says so, before anything else
 * looks at them. */
static void apply_conditions(struct var_ctx *c, struct letter *l)
{
  size_t kept = 0;
  for (size_t i = 0; i < l->nblocks; i++) {
    struct block *b = &l->blocks[i];
    bool show = true;
    const struct text *conds[2] = { &b->cond_if, &b->cond_unless };
    for (int k = 0; k < 2; k++) {
      const struct text *t = conds[k];
      if (!text_present(t)) continue;
      const char *v = lookup(c, t->s, t->len);
      if (!v) {
        report_unknown(c, t, 0, 0, t->s, t->len);
        continue;
      }
      show = show && (truthy(v) == (k == 0));
    }
    if (show) l->blocks[kept++] = *b;
  }
  l->nblocks = kept;
}

int expand_letter(struct unit *u, const struct expand_opts *o)
{
  struct letter *l = u->letter;
  int errors = 0;
  struct var_ctx cc = { u, l, o, 0 };
  apply_conditions(&cc, l);
  errors += cc.errors;
  for (size_t i = 0; i < l->nblocks; i++)
    if (l->blocks[i].type == BLOCK_STANDARD && expand_standard(u, &l->blocks[i], o) != 0)
      errors++;
  struct var_ctx c = { u, l, o, 0 };
  letter_each_text_mut(l, substitute, &c);
  errors += c.errors;
  if (check_date(u, l) != 0) errors++;
  return errors ? -1 : 0;
}
