/* spec_yaml.c - libyaml events -> spec_node tree with source maps.
 *
 * The only file that sees libyaml. It adds to libyaml what a letter
 * compiler needs: exact UTF-8 checking with positions, friendlier wording
 * for the common syntax errors (tabs), refusal of aliases, duplicate keys,
 * deep nesting and oversized values, and for every scalar a map from value
 * bytes to source bytes (see map_scalar). libyaml marks count lines and
 * characters from 0; we convert them to byte offsets at once. */
#include "spec.h"
#include "spec_int.h"
#include <glib.h>
#include <string.h>
#include <yaml.h>

struct builder {
  struct unit          *u;
  const struct srcfile *sf;
  struct spec_node    **stack;   /* open collections */
  size_t                depth;
  size_t                nodes;
  struct spec_node     *root;
  bool                  failed;
};

static size_t mark_off(const struct srcfile *sf, yaml_mark_t m)
{
  return srcfile_offset(sf, m.line, m.column);
}

/* ---- encoding checks before libyaml sees the bytes ---------------------- */

/* libyaml would accept UTF-16 and report invalid UTF-8 with a byte index;
 * we want UTF-8 only and the exact line:col of the first bad byte. */
static int check_encoding(struct unit *u, const struct srcfile *sf)
{
  const unsigned char *d = (const unsigned char *)sf->data;
  if (sf->len >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF))) {
    diag_span(&u->diags, DIAG_ERROR, "spec.encoding", sf, 0, 2, NULL,
              "file is UTF-16; save the spec as UTF-8");
    return -1;
  }
  const char *end;
  if (g_utf8_validate(sf->data, (gssize)sf->len, &end)) return 0;
  size_t off = (size_t)(end - sf->data);
  if (*end == '\0')
    diag_span(&u->diags, DIAG_ERROR, "spec.encoding", sf, off, off + 1, NULL,
              "file contains a NUL byte; is this a binary file?");
  else
    diag_span(&u->diags, DIAG_ERROR, "spec.encoding", sf, off, off + 1, NULL,
              "invalid UTF-8 byte 0x%02X; save the spec as UTF-8",
              (unsigned char)*end);
  return -1;
}

/* ---- YAML errors ------------------------------------------------------- */

static void report_parser_error(struct builder *b, yaml_parser_t *p)
{
  const struct srcfile *sf = b->sf;
  size_t off = mark_off(sf, p->problem_mark);
  const char *problem = p->problem ? p->problem : "invalid YAML";
  if (p->error == YAML_READER_ERROR) {
    off = sf->body + p->problem_offset;        /* libyaml saw the bytes after the BOM */
    if (off > sf->len) off = sf->len;
    diag_span(&b->u->diags, DIAG_ERROR, "spec.encoding", sf, off, off + 1, NULL,
              "%s", problem);
    return;
  }
  /* A tab where indentation is expected is the most common YAML mistake
   * made in a text editor; say so plainly. */
  if (off < sf->len && sf->data[off] == '\t') {
    diag_span(&b->u->diags, DIAG_ERROR, "spec.tab", sf, off, off + 1, NULL,
              "tab character in indentation; YAML indents with spaces only");
    return;
  }
  /* YAML gives *, &, !, @, ` and % a meaning at the start of a value;
   * an editor who meant text needs quotes. */
  size_t at = sf->len;
  if (p->context && p->context_mark.line == p->problem_mark.line) {
    size_t coff = mark_off(sf, p->context_mark);
    if (coff < sf->len && strchr("*&!@`%", sf->data[coff])) at = coff;
  }
  if (at == sf->len && off < sf->len && strchr("*&!@`%", sf->data[off])) at = off;
  if (at < sf->len && sf->data[at] != '\0') {
    diag_span(&b->u->diags, DIAG_ERROR, "spec.syntax", sf, at, at + 1, NULL,
              "invalid YAML: a value cannot start with '%c' unless it is in quotes, "
              "for example \"%c...\"", sf->data[at], sf->data[at]);
    return;
  }
  /* libyaml names the construct that was left open; say where it began,
   * in the same finding so that sorting cannot separate the two. */
  char where[64] = "";
  if (p->context && (p->context_mark.line != p->problem_mark.line ||
                     p->context_mark.column != p->problem_mark.column)) {
    struct srcloc c = srcfile_locate(sf, mark_off(sf, p->context_mark));
    snprintf(where, sizeof where, " (started at line %u, column %u)", c.line, c.col);
  }
  diag_span(&b->u->diags, DIAG_ERROR, "spec.syntax", sf, off, off + 1, NULL,
            "invalid YAML: %s%s%s%s", problem, p->context ? " " : "",
            p->context ? p->context : "", where);
}

/* ---- scalar position maps ---------------------------------------------- */

/* One unit of scalar source: a byte, a line break, an escape sequence.
 * WS units (blanks, breaks, escaped breaks) may be skipped when aligning. */
struct srcunit {
  size_t        len;       /* source bytes */
  unsigned char bytes[4];  /* decoded bytes */
  size_t        nbytes;
  bool          ws;
  bool          escape;
};

static int hexval(int c)
{
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Decodes the double-quoted escape at P (P[0] == '\\'). */
static bool decode_escape(const char *p, const char *end, struct srcunit *su)
{
  su->escape = true;
  su->ws = false;
  if (p + 1 >= end) return false;
  size_t brk = srcfile_break_len(p + 1, end);
  if (brk) {                          /* escaped line break: joins lines */
    su->len = 1 + brk;
    su->nbytes = 0;
    su->ws = true;
    return true;
  }
  unsigned cp;
  int hex = 0;
  switch (p[1]) {
  case '0': cp = 0; break;
  case 'a': cp = 7; break;
  case 'b': cp = 8; break;
  case 't': case '\t': cp = 9; break;
  case 'n': cp = 10; break;
  case 'v': cp = 11; break;
  case 'f': cp = 12; break;
  case 'r': cp = 13; break;
  case 'e': cp = 27; break;
  case ' ': cp = ' '; break;
  case '"': cp = '"'; break;
  case '/': cp = '/'; break;
  case '\'': cp = '\''; break;
  case '\\': cp = '\\'; break;
  case 'N': cp = 0x85; break;
  case '_': cp = 0xA0; break;
  case 'L': cp = 0x2028; break;
  case 'P': cp = 0x2029; break;
  case 'x': hex = 2; cp = 0; break;
  case 'u': hex = 4; cp = 0; break;
  case 'U': hex = 8; cp = 0; break;
  default: return false;
  }
  su->len = 2 + (size_t)hex;
  if (p + su->len > end) return false;
  for (int i = 0; i < hex; i++) {
    int v = hexval((unsigned char)p[2 + i]);
    if (v < 0) return false;
    cp = cp * 16 + (unsigned)v;
  }
  su->nbytes = (size_t)g_unichar_to_utf8(cp, (char *)su->bytes);
  su->ws = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
  return true;
}

static bool next_unit(const char *p, const char *end, enum spec_style style,
                      struct srcunit *su)
{
  memset(su, 0, sizeof *su);
  if (style == SPEC_DOUBLE && *p == '\\') return decode_escape(p, end, su);
  if (style == SPEC_SINGLE && *p == '\'' && p + 1 < end && p[1] == '\'') {
    su->len = 2;
    su->bytes[0] = '\'';
    su->nbytes = 1;
    su->escape = true;
    return true;
  }
  size_t brk = srcfile_break_len(p, end);
  su->len = brk ? brk : 1;
  su->bytes[0] = (unsigned char)*p;
  su->nbytes = 1;
  su->ws = brk || *p == ' ' || *p == '\t';
  return true;
}

static bool is_value_ws(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Aligns the decoded VALUE with the scalar's source starting at byte S and
 * records where each value byte came from. Non-blank value bytes must be
 * found in the source in order, with only blanks, line breaks and escaped
 * breaks skipped between them; blanks made by folding map to the source
 * blank or break they replace. Returns false if the value cannot be
 * aligned (the caller then falls back to the scalar's start). */
static bool map_scalar(struct textmap *m, const struct srcfile *sf,
                       enum spec_style style, size_t s,
                       const char *value, size_t vlen)
{
  const char *src = sf->data, *end = sf->data + sf->len;
  /* libyaml's start mark is at the node's properties when it has an
   * anchor (&a) or a tag (!!str): skip them and the blanks after them. */
  while (s < sf->len && (src[s] == '&' || src[s] == '!')) {
    while (s < sf->len && src[s] != ' ' && src[s] != '\t' && !srcfile_break_len(src + s, end)) s++;
    while (s < sf->len && (src[s] == ' ' || src[s] == '\t' || srcfile_break_len(src + s, end)))
      s += srcfile_break_len(src + s, end) ? srcfile_break_len(src + s, end) : 1;
  }
  if (style == SPEC_SINGLE || style == SPEC_DOUBLE) s++;          /* quote */
  if (style == SPEC_LITERAL || style == SPEC_FOLDED) {            /* header */
    while (s < sf->len && !srcfile_break_len(src + s, end)) s++;
    s += srcfile_break_len(src + s, end);
  }
  size_t i = 0;
  struct srcunit su;
  while (i < vlen) {
    if (s >= sf->len) return false;
    if (!next_unit(src + s, end, style, &su)) return false;
    /* libyaml keeps LS and PS in values as they are (unlike LF, CR and
     * NEL, which become '\n'): there they are content, not a break. */
    if (su.ws && su.len == 3 && !su.escape && i + 3 <= vlen &&
        memcmp(value + i, src + s, 3) == 0) {
      textmap_add(m, i, s, false, sf);
      i += 3;
      s += 3;
      continue;
    }
    if (is_value_ws(value[i])) {
      if (su.ws && su.nbytes) {               /* a blank or break stands here */
        textmap_add(m, i, s, su.escape, sf);
        i++;
        s += su.len;
      } else if (su.escape && su.nbytes == 1 && su.bytes[0] == (unsigned char)value[i]) {
        textmap_add(m, i, s, true, sf);
        i++;
        s += su.len;
      } else {                                 /* made by folding */
        textmap_add(m, i, s, true, sf);
        i++;
      }
      continue;
    }
    if (su.ws) {                               /* skip to the next word */
      s += su.len;
      continue;
    }
    if (su.nbytes == 0 || i + su.nbytes > vlen ||
        memcmp(value + i, su.bytes, su.nbytes) != 0)
      return false;
    textmap_add(m, i, s, su.escape, sf);
    i += su.nbytes;
    s += su.len;
    if (su.escape) textmap_add(m, i, s, false, sf);
  }
  textmap_end(m, vlen, s, sf);
  return true;
}

/* ---- building the tree -------------------------------------------------- */

static struct spec_node *new_node(struct builder *b, enum spec_kind kind,
                                  yaml_mark_t start, yaml_mark_t end)
{
  struct spec_node *n = arena_alloc(&b->u->arena, sizeof *n);
  n->kind = kind;
  n->text.file = b->sf;
  n->text.start = (uint32_t)mark_off(b->sf, start);
  n->text.end = (uint32_t)mark_off(b->sf, end);
  b->nodes++;
  return n;
}

/* Collections grow by doubling inside the arena. */
static void append_kid(struct builder *b, struct spec_node *parent, struct spec_node *kid)
{
  size_t n = parent->n;
  if ((n & (n - 1)) == 0) {            /* n is 0 or a power of two: grow */
    size_t cap = n ? n * 2 : 4;
    parent->kids = arena_grow(&b->u->arena, parent->kids, n, cap, sizeof *parent->kids);
  }
  parent->kids[parent->n++] = kid;
}

static enum spec_style style_of(yaml_scalar_style_t s)
{
  switch (s) {
  case YAML_SINGLE_QUOTED_SCALAR_STYLE: return SPEC_SINGLE;
  case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return SPEC_DOUBLE;
  case YAML_LITERAL_SCALAR_STYLE: return SPEC_LITERAL;
  case YAML_FOLDED_SCALAR_STYLE: return SPEC_FOLDED;
  default: return SPEC_PLAIN;
  }
}

static struct spec_node *make_scalar(struct builder *b, const yaml_event_t *ev)
{
  struct spec_node *n = new_node(b, SPEC_SCALAR, ev->start_mark, ev->end_mark);
  n->style = style_of(ev->data.scalar.style);
  n->text.literal = n->style == SPEC_LITERAL;
  const char *v = (const char *)ev->data.scalar.value;
  size_t len = ev->data.scalar.length;
  n->text.s = arena_strndup(&b->u->arena, v, len);
  n->text.len = len;
  struct textmap m;
  textmap_init(&m, &b->u->arena);
  if (len && map_scalar(&m, b->sf, n->style, n->text.start, v, len)) {
    n->text.segs = m.segs;
    n->text.nsegs = m.n;
  }
  return n;
}

/* A key that appears twice in one mapping: libyaml accepts it silently and
 * the second value would win, so an editor's change could vanish. */
static void check_duplicates(struct builder *b, const struct spec_node *map)
{
  if (map->n < 4) return;
  GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
  for (size_t i = 0; i + 1 < map->n; i += 2) {
    const struct spec_node *k = map->kids[i];
    if (k->kind != SPEC_SCALAR) continue;
    const struct spec_node *first = g_hash_table_lookup(seen, k->text.s);
    if (first) {
      struct srcloc l = srcfile_locate(b->sf, first->text.start);
      diag_span(&b->u->diags, DIAG_ERROR, "spec.duplicate-key", b->sf,
                k->text.start, k->text.end, NULL,
                "duplicate key '%s' (first given at line %u)", k->text.s, l.line);
      b->failed = true;
    } else {
      g_hash_table_insert(seen, (gpointer)k->text.s, (gpointer)k);
    }
  }
  g_hash_table_destroy(seen);
}

/* Attaches a finished node to the open collection, or makes it the root. */
static void attach(struct builder *b, struct spec_node *n)
{
  if (b->depth == 0) { b->root = n; return; }
  struct spec_node *parent = b->stack[b->depth - 1];
  if (parent->kind == SPEC_MAP && parent->n % 2 == 0 && n->kind != SPEC_SCALAR &&
      n->text.start > 0 && b->sf->data[n->text.start] == '{' &&
      b->sf->data[n->text.start - 1] == '{') {
    /* `name: {{ naam }}` reads as a mapping inside a mapping. */
    diag_span(&b->u->diags, DIAG_ERROR, "spec.syntax", b->sf, n->text.start - 1,
              n->text.start + 1, NULL,
              "a value that starts with '{{' must be in quotes, for example \"{{ naam }}\"");
    b->failed = true;
  } else if (parent->kind == SPEC_MAP && parent->n % 2 == 0 && n->kind != SPEC_SCALAR) {
    diag_span(&b->u->diags, DIAG_ERROR, "spec.syntax", b->sf, n->text.start,
              n->text.start + 1, NULL, "a key must be a plain name, not a %s",
              n->kind == SPEC_MAP ? "mapping" : "list");
    b->failed = true;
  }
  append_kid(b, parent, n);
}

static bool open_collection(struct builder *b, struct spec_node *n)
{
  if (b->depth >= SPEC_MAX_DEPTH) {
    diag_span(&b->u->diags, DIAG_ERROR, "spec.limit", b->sf, n->text.start,
              n->text.start + 1, NULL,
              "nesting is deeper than %d levels; a letter spec never needs this",
              SPEC_MAX_DEPTH);
    return false;
  }
  attach(b, n);
  b->stack[b->depth++] = n;
  return true;
}

static bool handle_event(struct builder *b, const yaml_event_t *ev, int *docs)
{
  struct unit *u = b->u;
  if (b->nodes >= SPEC_MAX_NODES) {
    size_t off = mark_off(b->sf, ev->start_mark);
    diag_span(&u->diags, DIAG_ERROR, "spec.limit", b->sf, off, off + 1, NULL,
              "the spec has more than %d values; a letter spec never needs this",
              SPEC_MAX_NODES);
    return false;
  }
  switch (ev->type) {
  case YAML_DOCUMENT_START_EVENT:
    if (++*docs > 1) {
      size_t off = mark_off(b->sf, ev->start_mark);
      diag_span(&u->diags, DIAG_ERROR, "spec.syntax", b->sf, off, off + 3, NULL,
                "a second YAML document; a spec file holds one letter");
      return false;
    }
    return true;
  case YAML_ALIAS_EVENT: {
    size_t s = mark_off(b->sf, ev->start_mark), e = mark_off(b->sf, ev->end_mark);
    diag_span(&u->diags, DIAG_ERROR, "spec.alias", b->sf, s, e, NULL,
              "alias '*%s' is not allowed in a letter spec; write the value out "
              "or use a standard text block",
              (const char *)ev->data.alias.anchor);
    return false;
  }
  case YAML_SCALAR_EVENT: {
    if (ev->data.scalar.length > SPEC_MAX_SCALAR) {
      size_t s = mark_off(b->sf, ev->start_mark);
      diag_span(&u->diags, DIAG_ERROR, "spec.limit", b->sf, s, s + 1, NULL,
                "value is %zu bytes long; the limit is %d",
                ev->data.scalar.length, SPEC_MAX_SCALAR);
      return false;
    }
    struct spec_node *n = make_scalar(b, ev);
    /* "\0" in a double-quoted value would cut the text short everywhere
     * C strings go; no letter needs it. */
    const char *nul = memchr(n->text.s, '\0', n->text.len);
    if (nul) {
      diag_text(&u->diags, DIAG_ERROR, "spec.value", &n->text, (size_t)(nul - n->text.s), 1,
                NULL, "a value cannot contain a NUL character (\\0)");
      return false;
    }
    attach(b, n);
    return true;
  }
  case YAML_SEQUENCE_START_EVENT:
    return open_collection(b, new_node(b, SPEC_SEQ, ev->start_mark, ev->end_mark));
  case YAML_MAPPING_START_EVENT:
    return open_collection(b, new_node(b, SPEC_MAP, ev->start_mark, ev->end_mark));
  case YAML_SEQUENCE_END_EVENT:
  case YAML_MAPPING_END_EVENT: {
    struct spec_node *n = b->stack[--b->depth];
    n->text.end = (uint32_t)mark_off(b->sf, ev->end_mark);
    if (n->kind == SPEC_MAP) check_duplicates(b, n);
    return true;
  }
  default:
    return true;
  }
}

struct spec_node *spec_parse(struct unit *u, const struct srcfile *sf)
{
  if (check_encoding(u, sf) != 0) return NULL;

  struct builder b = { .u = u, .sf = sf };
  struct spec_node *stack[SPEC_MAX_DEPTH];
  b.stack = stack;

  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) {
    diag_file(&u->diags, DIAG_ERROR, "spec.syntax", sf->name, "cannot start the YAML parser");
    return NULL;
  }
  /* libyaml keeps a BOM it is not asked to detect as a character of
   * line 1; hand it the bytes after the BOM, where our line map starts. */
  yaml_parser_set_input_string(&parser, (const unsigned char *)sf->data + sf->body,
                               sf->len - sf->body);
  yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

  int docs = 0;
  bool ok = true;
  for (;;) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) {
      report_parser_error(&b, &parser);
      ok = false;
      break;
    }
    bool done = ev.type == YAML_STREAM_END_EVENT;
    if (!handle_event(&b, &ev, &docs)) ok = false;
    yaml_event_delete(&ev);
    if (!ok || done) break;
  }
  yaml_parser_delete(&parser);
  if (!ok || b.failed) return NULL;

  if (!b.root) {
    diag_span(&u->diags, DIAG_ERROR, "spec.empty", sf, sf->body, sf->body, NULL,
              "the spec is empty; a letter needs at least kind, subject, sender, "
              "recipient, key-message and blocks");
    return NULL;
  }
  return b.root;
}
