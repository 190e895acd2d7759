/* spec_tbx.c - terminology in TBX (ISO 30042) as the organisation's word
 * list, read through base/xml.h.
 *
 * A TBX file holds concept entries (termEntry in TBX 2008, conceptEntry
 * in TBX 2019), each with terms per language. Per concept, in the Dutch
 * language section:
 *   administrativeStatus preferredTerm-admn-sts   -> the term
 *   admittedTerm-admn-sts                         -> admitted words
 *   deprecatedTerm-admn-sts, supersededTerm-...   -> avoid, use the term
 *   a definition (descrip type="definition")      -> note
 * A term without a status counts as admitted; a concept without a
 * preferred term takes its first admitted one. */
#include "spec_int.h"
#include "../base/xml.h"
#include "../model/vocab.h"
#include <glib.h>
#include <string.h>

enum status { ST_ADMITTED, ST_PREFERRED, ST_DEPRECATED };

struct tbx_term {
  char       *text;
  enum status status;
  long        line;
};

static bool named(const struct xml_node *n, const char *name)
{
  return xml_is(n, name);
}

/* Dutch, or any language when the file has no xml:lang at all. */
static bool dutch(const struct xml_node *lang_set)
{
  const char *l = lang_set->lang;
  return !l || !g_ascii_strncasecmp(l, "nl", 2);
}

static enum status status_of(const char *v)
{
  if (!v) return ST_ADMITTED;
  if (g_str_has_prefix(v, "preferred")) return ST_PREFERRED;
  if (g_str_has_prefix(v, "deprecated") || g_str_has_prefix(v, "superseded") ||
      g_str_has_prefix(v, "notRecommended") || g_str_has_prefix(v, "obsolete"))
    return ST_DEPRECATED;
  return ST_ADMITTED;
}

/* One term section (tig, ntig, termSec): the term and its status. */
static void read_term(const struct xml_node *sec, GArray *terms)
{
  struct tbx_term t = { NULL, ST_ADMITTED, sec->line };
  for (const struct xml_node *c = sec->children; c; c = c->next) {
    if (named(c, "term")) { g_free(t.text); t.text = xml_text(c); t.line = c->line; }
    if (named(c, "termGrp"))   /* ntig */
      for (const struct xml_node *g = c->children; g; g = g->next)
        if (named(g, "term")) { g_free(t.text); t.text = xml_text(g); }
    const char *type = named(c, "termNote") || named(c, "admin") ? xml_attr(c, "type") : NULL;
    if (type && (!strcmp(type, "administrativeStatus") || !strcmp(type, "normativeAuthorization"))) {
      char *v = xml_text(c);
      t.status = status_of(v);
      g_free(v);
    }
  }
  if (t.text && *t.text) g_array_append_val(terms, t);
  else g_free(t.text);
}

static void read_definition(const struct xml_node *n, char **def)
{
  for (const struct xml_node *c = n; c; c = c->next) {
    if (!c->name) continue;
    const char *type = named(c, "descrip") ? xml_attr(c, "type") : NULL;
    if (type && !strcmp(type, "definition") && !*def) *def = xml_text(c);
    if (named(c, "descripGrp")) read_definition(c->children, def);
  }
}

struct tbx_ctx {
  struct unit          *u;
  const struct srcfile *sf;
  struct vocab         *v;
  int                   errors;
};

static void tbx_error(struct tbx_ctx *x, long line, const char *fmt, const char *what)
{
  size_t off = 0;
  if (line > 0 && (unsigned long)line <= x->sf->nlines) off = x->sf->lines[line - 1];
  diag_span(&x->u->diags, DIAG_ERROR, "wordlist.tbx", x->sf, off, off, NULL, fmt, what);
  x->errors++;
}

static void read_concept(struct tbx_ctx *x, const struct xml_node *entry)
{
  GArray *terms = g_array_new(FALSE, FALSE, sizeof(struct tbx_term));
  char *def = NULL;
  read_definition(entry->children, &def);
  for (const struct xml_node *ls = entry->children; ls; ls = ls->next) {
    if (!(named(ls, "langSet") || named(ls, "langSec")) || !dutch(ls)) continue;
    read_definition(ls->children, &def);
    for (const struct xml_node *t = ls->children; t; t = t->next)
      if (named(t, "tig") || named(t, "ntig") || named(t, "termSec")) read_term(t, terms);
  }
  struct tbx_term *ts = (struct tbx_term *)(void *)terms->data;
  size_t pref = terms->len;
  for (size_t i = 0; i < terms->len && pref == terms->len; i++)
    if (ts[i].status == ST_PREFERRED) pref = i;
  for (size_t i = 0; i < terms->len && pref == terms->len; i++)
    if (ts[i].status == ST_ADMITTED) pref = i;
  if (pref == terms->len && terms->len) {
    tbx_error(x, ts[0].line, "concept with '%s' has only deprecated terms; mark one as "
              "preferredTerm-admn-sts", ts[0].text);
  } else if (terms->len) {
    struct vocab_term *vt = vocab_add_term(x->v, ts[pref].text);
    vt->line = (unsigned)ts[pref].line;
    vt->note = def;
    def = NULL;
    for (size_t i = 0; i < terms->len; i++) {
      if (i == pref || !g_ascii_strcasecmp(ts[i].text, ts[pref].text)) continue;
      if (ts[i].status == ST_DEPRECATED)
        vocab_add_avoid(vt, ts[i].text, "afgeraden term in de terminologielijst", NULL);
      else
        vocab_add_admitted(vt, ts[i].text);
    }
  }
  for (size_t i = 0; i < terms->len; i++) g_free(ts[i].text);
  g_array_free(terms, TRUE);
  g_free(def);
}

static void walk(struct tbx_ctx *x, const struct xml_node *n)
{
  for (; n; n = n->next) {
    if (named(n, "termEntry") || named(n, "conceptEntry")) read_concept(x, n);
    else if (n->name) walk(x, n->children);
  }
}

/* The XML parser's own messages (malformed XML) with the file's line. */
static void xml_error(void *ctx, long line, const char *msg)
{
  struct tbx_ctx *x = ctx;
  if (!x->errors) tbx_error(x, line, "not well-formed TBX: %s", msg);
}

struct vocab *spec_load_tbx(struct unit *u, const char *path)
{
  const char *why = NULL;
  struct srcfile *sf = srcfile_load(path, &why);
  if (!sf) {
    diag_file(&u->diags, DIAG_ERROR, "io.read", path, "cannot read the word list: %s", why);
    return NULL;
  }
  unit_adopt_file(u, sf);
  struct tbx_ctx x = { u, sf, vocab_new(path), 0 };
  struct xml_doc *doc = xml_parse(sf->data, sf->len, path, xml_error, &x);
  if (!doc) {
    if (!x.errors) tbx_error(&x, 1, "cannot parse %s as XML", path);
  } else {
    const struct xml_node *root = xml_root(doc);
    if (!root || !(named(root, "martif") || named(root, "tbx")))
      tbx_error(&x, root ? root->line : 1,
                "not a TBX file: the root element is '%s', not martif or tbx",
                root ? root->name : "(none)");
    else
      walk(&x, root);
    if (!x.errors && x.v->nterms == 0)
      tbx_error(&x, 1, "%s", "no Dutch terms found (langSet xml:lang=\"nl\" with tig/term)");
    xml_doc_free(doc);
  }
  if (x.errors) {
    vocab_free(x.v);
    return NULL;
  }
  return x.v;
}
