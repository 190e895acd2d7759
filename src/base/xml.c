/* xml.c - libxml2 behind the small interface of xml.h. */
#include "xml.h"
#include "arena.h"
#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <string.h>

struct xml_doc {
  struct arena     arena;
  struct xml_node *root;
};

/* ---- reading ---------------------------------------------------------------------- */

struct parse_ctx {
  xml_error_fn on_error;
  void        *ctx;
};

static void structured_error(void *ctx, xmlError *e)
{
  struct parse_ctx *p = ctx;
  if (!e || e->level < XML_ERR_ERROR || !p->on_error) return;
  char *msg = g_strstrip(g_strdup(e->message ? e->message : "malformed XML"));
  p->on_error(p->ctx, e->line, msg);
  g_free(msg);
}

/* libxml2's tree as ours, in the document's arena. libxml2 itself caps
 * the depth (256 levels without XML_PARSE_HUGE), so the recursion is
 * bounded. */
static struct xml_node *copy_tree(struct arena *a, const xmlNode *n, const char *lang)
{
  struct xml_node *first = NULL, **tail = &first;
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE && n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE)
      continue;
    struct xml_node *c = arena_alloc(a, sizeof *c);
    c->line = xmlGetLineNo(n);
    c->lang = lang;
    if (n->type == XML_ELEMENT_NODE) {
      c->name = arena_strdup(a, (const char *)n->name);
      size_t na = 0;
      for (const xmlAttr *at = n->properties; at; at = at->next) na++;
      c->attrs = arena_alloc(a, (2 * na + 1) * sizeof *c->attrs);
      size_t i = 0;
      for (const xmlAttr *at = n->properties; at; at = at->next) {
        xmlChar *v = xmlNodeListGetString(n->doc, at->children, 1);
        c->attrs[i++] = arena_strdup(a, (const char *)at->name);
        c->attrs[i++] = arena_strdup(a, v ? (const char *)v : "");
        bool is_lang = at->ns && at->ns->prefix && !strcmp((const char *)at->ns->prefix, "xml") &&
                       !strcmp((const char *)at->name, "lang");
        if (is_lang) c->lang = c->attrs[i - 1];
        xmlFree(v);
      }
      c->children = copy_tree(a, n->children, c->lang);
    } else {
      c->attrs = arena_alloc(a, sizeof *c->attrs);
      c->text = arena_strdup(a, n->content ? (const char *)n->content : "");
    }
    *tail = c;
    tail = &c->next;
  }
  return first;
}

struct xml_doc *xml_parse(const char *data, size_t len, const char *name, xml_error_fn on_error,
                          void *ctx)
{
  if (len > (size_t)G_MAXINT) {
    if (on_error) on_error(ctx, 1, "the file is too large");
    return NULL;
  }
  struct parse_ctx p = { on_error, ctx };
  xmlSetStructuredErrorFunc(&p, (xmlStructuredErrorFunc)structured_error);
  /* No XML_PARSE_NOENT and no XML_PARSE_DTDLOAD: entities stay unexpanded
   * and nothing outside the file is read; NONET forbids the network. */
  xmlDoc *doc = xmlReadMemory(data, (int)len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  xmlSetStructuredErrorFunc(NULL, NULL);
  if (!doc) return NULL;
  struct xml_doc *d = g_new0(struct xml_doc, 1);
  arena_init(&d->arena);
  const xmlNode *root = xmlDocGetRootElement(doc);
  if (root) {
    /* Only the root element, not the comments and processing instructions beside it. */
    xmlNode *next = root->next;
    ((xmlNode *)root)->next = NULL;
    d->root = copy_tree(&d->arena, root, NULL);
    ((xmlNode *)root)->next = next;
  }
  xmlFreeDoc(doc);
  return d;
}

const struct xml_node *xml_root(const struct xml_doc *doc)
{
  return doc ? doc->root : NULL;
}

void xml_doc_free(struct xml_doc *doc)
{
  if (!doc) return;
  arena_free(&doc->arena);
  g_free(doc);
}

bool xml_is(const struct xml_node *n, const char *name)
{
  return n && n->name && !strcmp(n->name, name);
}

const char *xml_attr(const struct xml_node *n, const char *name)
{
  for (const char **a = n->attrs; a && *a; a += 2)
    if (!strcmp(a[0], name)) return a[1];
  return NULL;
}

static void gather_text(const struct xml_node *n, GString *g)
{
  for (; n; n = n->next) {
    if (n->text) g_string_append(g, n->text);
    else gather_text(n->children, g);
  }
}

char *xml_text(const struct xml_node *n)
{
  GString *raw = g_string_new(NULL);
  if (n->text) g_string_append(raw, n->text);
  else gather_text(n->children, raw);
  GString *g = g_string_new(NULL);
  bool space = false;
  for (const char *s = raw->str; *s; s++) {
    if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') { space = g->len > 0; continue; }
    if (space) g_string_append_c(g, ' ');
    space = false;
    g_string_append_c(g, *s);
  }
  g_string_free(raw, TRUE);
  return g_string_free(g, FALSE);
}

/* ---- writing ---------------------------------------------------------------------- */

struct xml_writer {
  xmlBufferPtr     buf;
  xmlTextWriterPtr w;
  bool             failed;
};

struct xml_writer *xml_writer_new(void)
{
  struct xml_writer *x = g_new0(struct xml_writer, 1);
  x->buf = xmlBufferCreate();
  x->w = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
  if (!x->w) { x->failed = true; return x; }
  xmlTextWriterSetIndent(x->w, 1);
  xmlTextWriterSetIndentString(x->w, (const xmlChar *)"  ");
  if (xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL) < 0) x->failed = true;
  return x;
}

/* S as text XML 1.0 can hold: valid UTF-8, no control characters but
 * tab and line breaks. */
static char *xml_safe(const char *s)
{
  char *valid = g_utf8_make_valid(s ? s : "", -1);
  GString *g = g_string_sized_new(strlen(valid));
  for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    bool ok = c >= 0x20 ? !(c >= 0xFFFE && c <= 0xFFFF) && !(c >= 0xD800 && c <= 0xDFFF)
                        : (c == '\t' || c == '\n' || c == '\r');
    if (ok) g_string_append_len(g, p, g_utf8_next_char(p) - p);
    else g_string_append(g, "\xEF\xBF\xBD");
  }
  g_free(valid);
  return g_string_free(g, FALSE);
}

void xml_start(struct xml_writer *x, const char *element)
{
  if (!x->failed && xmlTextWriterStartElement(x->w, (const xmlChar *)element) < 0) x->failed = true;
}

void xml_attr_set(struct xml_writer *x, const char *name, const char *value)
{
  if (x->failed) return;
  char *v = xml_safe(value);
  if (xmlTextWriterWriteAttribute(x->w, (const xmlChar *)name, (const xmlChar *)v) < 0) x->failed = true;
  g_free(v);
}

void xml_attr_uint(struct xml_writer *x, const char *name, unsigned long value)
{
  char buf[32];
  snprintf(buf, sizeof buf, "%lu", value);
  xml_attr_set(x, name, buf);
}

void xml_write_text(struct xml_writer *x, const char *text)
{
  if (x->failed) return;
  char *v = xml_safe(text);
  if (xmlTextWriterWriteString(x->w, (const xmlChar *)v) < 0) x->failed = true;
  g_free(v);
}

void xml_end(struct xml_writer *x)
{
  if (!x->failed && xmlTextWriterEndElement(x->w) < 0) x->failed = true;
}

int xml_writer_finish(struct xml_writer *x, FILE *out)
{
  int rc = -1;
  if (x->w) {
    if (!x->failed && xmlTextWriterEndDocument(x->w) < 0) x->failed = true;
    xmlFreeTextWriter(x->w);    /* flushes into the buffer */
  }
  if (!x->failed && x->buf) {
    size_t n = (size_t)xmlBufferLength(x->buf);
    rc = fwrite(xmlBufferContent(x->buf), 1, n, out) == n ? 0 : -1;
  }
  if (x->buf) xmlBufferFree(x->buf);
  g_free(x);
  return rc;
}
