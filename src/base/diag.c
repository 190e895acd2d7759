/* diag.c - collecting, sorting and printing diagnostics (see diag.h). */
#include "diag.h"
#include <glib.h>
#include <stdlib.h>
#include <string.h>

void diag_list_init(struct diag_list *l, struct arena *a)
{
  memset(l, 0, sizeof *l);
  l->arena = a;
}

static const char *dup_or_null(struct arena *a, const char *s)
{
  return s ? arena_strdup(a, s) : NULL;
}

void diag_add(struct diag_list *l, const struct diag *d)
{
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 16;
    l->items = arena_grow(l->arena, l->items, l->n, cap, sizeof *l->items);
    l->cap = cap;
  }
  struct diag *c = &l->items[l->n];
  *c = *d;
  c->file = dup_or_null(l->arena, d->file);
  c->rule_id = dup_or_null(l->arena, d->rule_id);
  c->message = dup_or_null(l->arena, d->message);
  c->suggestion = dup_or_null(l->arena, d->suggestion);
  c->fix = dup_or_null(l->arena, d->fix);
  c->seq = (unsigned)l->n;
  l->n++;
  l->count[d->severity]++;
}

/* Adds a finding from A to B (exclusive); a span that would be empty
 * still underlines one character. */
static struct diag *add_at(struct diag_list *l, enum diag_severity sev, const char *rule,
                   const struct srcfile *sf, struct srcloc a, struct srcloc b,
                   const char *suggestion, const char *fmt, va_list ap)
{
  if (b.line == a.line && b.col <= a.col) b.col = a.col + 1;
  char buf[1024];
  vsnprintf(buf, sizeof buf, fmt, ap);
  struct diag d = { .file = sf ? sf->name : "<input>", .src = sf,
                    .line = a.line, .col = a.col, .end_line = b.line, .end_col = b.col,
                    .rule_id = rule, .severity = sev, .message = buf,
                    .suggestion = suggestion };
  diag_add(l, &d);
  return &l->items[l->n - 1];
}

void diag_span(struct diag_list *l, enum diag_severity sev, const char *rule,
               const struct srcfile *sf, size_t start, size_t end,
               const char *suggestion, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  add_at(l, sev, rule, sf, srcfile_locate(sf, start),
         srcfile_locate(sf, end > start ? end : start), suggestion, fmt, ap);
  va_end(ap);
}

struct diag *diag_text(struct diag_list *l, enum diag_severity sev, const char *rule,
                       const struct text *t, size_t voff, size_t vlen,
                       const char *suggestion, const char *fmt, ...)
{
  bool whole = vlen == 0 && voff == 0;
  struct srcloc a = whole ? text_loc_start(t) : text_locate(t, voff);
  struct srcloc b = whole ? text_loc_end(t) : text_locate(t, voff + vlen);
  va_list ap;
  va_start(ap, fmt);
  struct diag *d = add_at(l, sev, rule, a.file ? a.file : t->file, a, b, suggestion, fmt, ap);
  va_end(ap);
  return d;
}

void diag_note_text(struct diag_list *l, struct diag *d, const struct text *t, size_t voff,
                    size_t vlen, const char *msg)
{
  struct srcloc a = text_locate(t, voff), b = text_locate(t, voff + vlen);
  const struct srcfile *sf = a.file ? a.file : t->file;
  if (b.line == a.line && b.col <= a.col) b.col = a.col + 1;
  struct diag_note *n = arena_alloc(l->arena, sizeof *n);
  *n = (struct diag_note){ .file = arena_strdup(l->arena, sf ? sf->name : "<input>"), .src = sf,
                           .line = a.line, .col = a.col, .end_line = b.line, .end_col = b.col,
                           .message = arena_strdup(l->arena, msg) };
  d->note = n;
}

/* Text a plain, quoted or block YAML scalar holds as it is: no quote,
 * escape, comment, mapping or line-break characters, and no white space
 * at either end. At the start of a scalar, no indicator either (& is an
 * anchor there, - a list item). */
static bool yaml_inert(const char *s, bool scalar_start)
{
  if (!*s || *s == ' ' || s[strlen(s) - 1] == ' ') return false;
  for (const char *p = s; *p; p++)
    if (strchr("\"'\\#:\t\r\n", *p) || (unsigned char)*p < 0x20) return false;
  return !(scalar_start && strchr("-?,[]{}&*!|>%@`", *s));
}

bool diag_fix_text(struct diag_list *l, struct diag *d, const struct text *t, size_t voff,
                   size_t vlen, const char *replacement)
{
  if (!replacement || !t->s || t->nsegs == 0 || vlen == 0 || voff + vlen > t->len) return false;
  size_t i = 0;
  while (i + 1 < t->nsegs && t->segs[i + 1].voff <= voff) i++;
  const struct textseg *g = &t->segs[i];
  size_t seg_end = i + 1 < t->nsegs ? t->segs[i + 1].voff : t->len;
  if (g->fixed || voff + vlen > seg_end) return false;
  const struct srcfile *sf = g->file ? g->file : t->file;
  size_t start = g->soff + (voff - g->voff);
  if (!sf || start + vlen > sf->len || memcmp(sf->data + start, t->s + voff, vlen) != 0) return false;
  if (memchr(t->s + voff, '\n', vlen)) return false;
  if (!yaml_inert(replacement, sf != t->file || start == t->start)) return false;
  /* In a flow collection ([a, b]) a comma or bracket ends the scalar. */
  if (strpbrk(replacement, ",[]{}")) {
    size_t bol = start;
    while (bol > 0 && sf->data[bol - 1] != '\n') bol--;
    for (size_t k = bol; k < start; k++)
      if (sf->data[k] == '[' || sf->data[k] == '{') return false;
  }
  d->fix = arena_strdup(l->arena, replacement);
  d->fix_src = sf;
  d->fix_start = start;
  d->fix_end = start + vlen;
  return true;
}

void diag_list_filter(struct diag_list *l, bool (*keep)(const struct diag *d, void *ctx), void *ctx)
{
  size_t n = 0;
  memset(l->count, 0, sizeof l->count);
  for (size_t i = 0; i < l->n; i++) {
    if (!keep(&l->items[i], ctx)) continue;
    l->items[n++] = l->items[i];
    l->count[l->items[n - 1].severity]++;
  }
  l->n = n;
}

/* Byte offset of character column COL (1-based) in line LINE. */
static size_t offset_of(const struct srcfile *sf, unsigned line, unsigned col)
{
  if (line == 0 || line > sf->nlines) return sf->len;
  size_t len;
  const char *p = srcfile_line(sf, line, &len), *end = p + len;
  for (unsigned c = 1; c < col && p < end; c++) {
    p++;
    while (p < end && ((unsigned char)*p & 0xC0) == 0x80) p++;
  }
  return (size_t)(p - sf->data);
}

char *diag_excerpt(const struct diag *d)
{
  const struct srcfile *sf = d->src;
  if (!sf || d->line == 0) return NULL;
  size_t a, b;
  if (d->end_line >= d->line && d->end_line && d->col) {
    a = offset_of(sf, d->line, d->col);
    b = offset_of(sf, d->end_line, d->end_col);
  } else {
    size_t len;
    const char *p = srcfile_line(sf, d->line, &len);
    a = (size_t)(p - sf->data);
    b = a + len;
  }
  if (b < a) b = a;
  char *out = malloc(b - a + 1);
  if (!out) return NULL;
  size_t n = 0;
  bool space = false;
  for (size_t i = a; i < b; i++) {
    char c = sf->data[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { space = n > 0; continue; }
    if (space) out[n++] = ' ';
    space = false;
    out[n++] = c;
  }
  out[n] = '\0';
  return out;
}

void diag_note_at(struct diag_list *l, struct diag *d, const char *file, unsigned line,
                  unsigned col, const char *msg)
{
  struct diag_note *n = arena_alloc(l->arena, sizeof *n);
  *n = (struct diag_note){ .file = arena_strdup(l->arena, file), .line = line, .col = col,
                           .end_line = line, .end_col = col + 1,
                           .message = arena_strdup(l->arena, msg) };
  d->note = n;
}

void diag_file(struct diag_list *l, enum diag_severity sev, const char *rule,
               const char *path, const char *fmt, ...)
{
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  struct diag d = { .file = path, .rule_id = rule, .severity = sev, .message = buf };
  diag_add(l, &d);
}

void diag_list_set_severity(struct diag_list *l, const char *rule, int severity)
{
  size_t kept = 0;
  for (size_t i = 0; i < l->n; i++) {
    struct diag *d = &l->items[i];
    if (d->rule_id && !strcmp(d->rule_id, rule)) {
      l->count[d->severity]--;
      if (severity < 0) continue;
      d->severity = (enum diag_severity)severity;
      l->count[d->severity]++;
    }
    l->items[kept++] = *d;
  }
  l->n = kept;
}

static int cmp_diag(const void *pa, const void *pb)
{
  const struct diag *a = pa, *b = pb;
  int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
  if (c) return c;
  if (a->line != b->line) return a->line < b->line ? -1 : 1;
  if (a->col != b->col) return a->col < b->col ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diag_list_sort(struct diag_list *l)
{
  if (l->n > 1) qsort(l->items, l->n, sizeof *l->items, cmp_diag);
}

bool diag_list_has_errors(const struct diag_list *l)
{
  return l->count[DIAG_ERROR] > 0;
}

const char *diag_severity_name(enum diag_severity s)
{
  switch (s) {
  case DIAG_ERROR: return "error";
  case DIAG_WARNING: return "warning";
  default: return "info";
  }
}

static const char *severity_color(enum diag_severity s)
{
  switch (s) {
  case DIAG_ERROR: return "\033[1;31m";
  case DIAG_WARNING: return "\033[1;35m";
  default: return "\033[1;36m";
  }
}

/* The source line as characters fit for a terminal: invalid UTF-8 and
 * control characters become '?', tabs stay tabs (so the caret lines up). */
struct shown {
  const char *p;    /* the character's bytes in the line, or "?" */
  int         n;
};

static size_t split_chars(const char *line, size_t len, struct shown *out, size_t max)
{
  size_t n = 0, i = 0;
  while (i < len && n < max) {
    unsigned char c = (unsigned char)line[i];
    gunichar u = g_utf8_get_char_validated(line + i, (gssize)(len - i));
    bool ok = u != (gunichar)-1 && u != (gunichar)-2;
    int w = ok ? (int)(g_utf8_next_char(line + i) - (line + i)) : 1;
    bool ctrl = (c < 0x20 && c != '\t') || c == 0x7f;
    out[n].p = ok && !ctrl ? line + i : "?";
    out[n].n = ok && !ctrl ? w : 1;
    n++;
    i += (size_t)w;
  }
  return n;
}

/* Prints the quoted source line and an underline under [col, end). A
 * long line (minified YAML, a huge value) is shown as a window around the
 * column, marked with "..." on the cut sides. */
static void print_excerpt(FILE *out, const struct srcfile *src, const struct diag *d, bool color)
{
  enum { MAXCHARS = 4096, BEFORE = 40, WINDOW = 110 };
  size_t len;
  const char *line = srcfile_line(src, d->line, &len);
  static struct shown chars[MAXCHARS];
  size_t n = split_chars(line, len, chars, MAXCHARS);
  size_t col = d->col ? d->col - 1 : 0;              /* 0-based caret */
  size_t end = d->end_line == d->line && d->end_col > d->col ? d->end_col - 1 : n;
  if (end <= col) end = col + 1;
  size_t from = col > BEFORE && n > WINDOW ? col - BEFORE : 0;
  size_t to = from + WINDOW < n ? from + WINDOW : n;
  if (end > to + 1) end = to + 1;

  fprintf(out, "%5u | %s", d->line, from ? "..." : "");
  for (size_t i = from; i < to; i++) fwrite(chars[i].p, 1, (size_t)chars[i].n, out);
  fprintf(out, "%s\n      | %s", to < n ? "..." : "", from ? "   " : "");
  for (size_t i = from; i < col; i++) fputc(i < n && chars[i].p[0] == '\t' ? '\t' : ' ', out);
  if (color) fputs("\033[1;32m", out);
  fputc('^', out);
  for (size_t i = col + 1; i < end; i++) fputc('~', out);
  if (color) fputs("\033[0m", out);
  fputc('\n', out);
}

/* True when MSG already shows S in quotes ("did you mean 'aanvraag'?"). */
static bool quotes(const char *msg, const char *s)
{
  size_t n = strlen(s);
  for (const char *p = strchr(msg, '\''); p; p = strchr(p + 1, '\''))
    if (!strncmp(p + 1, s, n) && p[n + 1] == '\'') return true;
  return false;
}

void diag_print(FILE *out, const struct diag *d, bool color)
{
  if (color) fputs("\033[1m", out);
  fputs(d->file ? d->file : "<input>", out);
  if (d->line) fprintf(out, ":%u:%u", d->line, d->col);
  fputs(": ", out);
  if (color) fprintf(out, "%s", severity_color(d->severity));
  fputs(diag_severity_name(d->severity), out);
  if (color) fputs("\033[0m", out);
  fprintf(out, ": %s", d->message);
  if (d->rule_id) fprintf(out, " [%s]", d->rule_id);
  fputc('\n', out);
  if (d->src && d->line) print_excerpt(out, d->src, d, color);
  if (d->suggestion && !quotes(d->message, d->suggestion))
    fprintf(out, "      = suggestion: %s\n", d->suggestion);
  if (d->note) {
    const struct diag_note *n = d->note;
    if (color) fputs("\033[1m", out);
    fprintf(out, "%s:%u:%u: ", n->file, n->line, n->col);
    if (color) fputs("\033[1;36m", out);
    fputs("note", out);
    if (color) fputs("\033[0m", out);
    fprintf(out, ": %s\n", n->message);
    struct diag at = { .line = n->line, .col = n->col, .end_line = n->end_line,
                       .end_col = n->end_col };
    if (n->src && n->line) print_excerpt(out, n->src, &at, color);
  }
}

void diag_list_print(FILE *out, const struct diag_list *l, bool color)
{
  for (size_t i = 0; i < l->n; i++) diag_print(out, &l->items[i], color);
}
