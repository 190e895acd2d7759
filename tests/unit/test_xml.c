/* test_xml.c - the XML reader and writer of base/xml.h. */
#include "harness.h"
#include "../../src/base/xml.h"
#include <glib.h>
#include <stdlib.h>
#include <string.h>

static int nerrors;
static long error_line;
static void on_error(void *ctx, long line, const char *msg)
{
  (void)ctx; (void)msg;
  if (!nerrors++) error_line = line;
}

static char *write_to_string(void (*build)(struct xml_writer *))
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  struct xml_writer *w = xml_writer_new();
  build(w);
  int rc = xml_writer_finish(w, f);
  fclose(f);
  OK(rc == 0);
  return buf;
}

static void build_hostile(struct xml_writer *w)
{
  xml_start(w, "a");
  xml_attr_set(w, "m", "x \"<&>\" y\x01z");
  xml_write_text(w, "<b>Jansen</b> & Zn\x07\xff end");
  xml_end(w);
}

static void build_open(struct xml_writer *w)
{
  xml_start(w, "outer");
  xml_start(w, "inner");
  xml_attr_uint(w, "n", 42);
}

void test_xml(void);
void test_xml(void)
{
  CASE("xml_parse: tree, attributes, xml:lang in scope, lines");
  const char *src = "<?xml version=\"1.0\"?>\n<r a=\"1\">\n <s xml:lang=\"nl\">\n  <t type=\"x\">een\n   twee <i>drie</i></t>\n </s>\n</r>\n";
  struct xml_doc *d = xml_parse(src, strlen(src), "t.xml", on_error, NULL);
  OK(d != NULL);
  const struct xml_node *r = xml_root(d);
  OK(xml_is(r, "r"));
  STR_EQ(xml_attr(r, "a"), "1");
  OK(xml_attr(r, "b") == NULL);
  OK(r->lang == NULL);
  const struct xml_node *s = r->children;
  OK(xml_is(s, "s"));
  INT_EQ(s->line, 3);
  STR_EQ(s->lang, "nl");
  const struct xml_node *t = s->children;
  OK(xml_is(t, "t"));
  STR_EQ(t->lang, "nl");                       /* inherited */
  STR_EQ(xml_attr(t, "type"), "x");
  char *text = xml_text(t);
  STR_EQ(text, "een twee drie");               /* white space collapsed, descendants included */
  g_free(text);
  xml_doc_free(d);

  CASE("xml_parse: not well-formed gives the line and NULL");
  nerrors = 0;
  const char *bad = "<r>\n<s>\n</r>\n";
  OK(xml_parse(bad, strlen(bad), "bad.xml", on_error, NULL) == NULL);
  OK(nerrors > 0);
  INT_EQ(error_line, 3);

  CASE("xml_parse: an external entity is not read");
  nerrors = 0;
  const char *ext = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>\n";
  d = xml_parse(ext, strlen(ext), "ext.xml", on_error, NULL);
  if (d) {
    text = xml_text(xml_root(d));
    OK(strstr(text, "root:") == NULL);
    g_free(text);
    xml_doc_free(d);
  }

  CASE("xml writer: escapes markup, replaces control characters and broken UTF-8");
  char *out = write_to_string(build_hostile);
  OK(strstr(out, "&lt;b&gt;Jansen&lt;/b&gt; &amp; Zn\xEF\xBF\xBD\xEF\xBF\xBD end") != NULL);
  OK(strstr(out, "m=\"x &quot;&lt;&amp;&gt;&quot; y\xEF\xBF\xBDz\"") != NULL);
  OK(strchr(out, '\x01') == NULL && strchr(out, '\x07') == NULL);
  d = xml_parse(out, strlen(out), "out.xml", on_error, NULL);
  OK(d != NULL);                              /* and it reads back */
  xml_doc_free(d);
  free(out);

  CASE("xml writer: open elements are closed at the end");
  out = write_to_string(build_open);
  OK(strstr(out, "<inner n=\"42\"/>") != NULL);
  OK(strstr(out, "</outer>") != NULL);
  free(out);
}
