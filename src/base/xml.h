/* xml.h - the one place that uses libxml2: reading a small XML document
 * (a TBX word list) into a plain tree, and writing one (JUnit reports).
 *
 * Reading never touches the network, loads no DTD and expands no
 * external entity: an XML file is data, not a program. */
#ifndef BB_XML_H
#define BB_XML_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* An element, or a piece of text (name NULL). */
struct xml_node {
  const char      *name;      /* element name without namespace prefix */
  const char      *text;      /* a text node's characters */
  const char      *lang;      /* xml:lang in scope, or NULL */
  long             line;
  const char     **attrs;     /* name, value, ..., NULL (never NULL itself) */
  struct xml_node *children, *next;
};

struct xml_doc;
/* Called for each error libxml2 reports while parsing, with its line. */
typedef void (*xml_error_fn)(void *ctx, long line, const char *message);

/* Parses DATA (LEN bytes; NAME for messages). NULL when the document is
 * not well-formed; ON_ERROR has then been told why. */
struct xml_doc *xml_parse(const char *data, size_t len, const char *name,
                          xml_error_fn on_error, void *ctx);
const struct xml_node *xml_root(const struct xml_doc *doc);
void xml_doc_free(struct xml_doc *doc);

/* True when N is an element called NAME. */
bool xml_is(const struct xml_node *n, const char *name);
/* The value of attribute NAME, or NULL. */
const char *xml_attr(const struct xml_node *n, const char *name);
/* The text of N and everything in it, runs of white space made single
 * spaces, trimmed. Free with g_free(). */
char *xml_text(const struct xml_node *n);

/* ---- writing ---------------------------------------------------------------- */

struct xml_writer;
/* An indented UTF-8 document, kept in memory until xml_writer_finish(). */
struct xml_writer *xml_writer_new(void);
void xml_start(struct xml_writer *w, const char *element);
void xml_attr_set(struct xml_writer *w, const char *name, const char *value);
void xml_attr_uint(struct xml_writer *w, const char *name, unsigned long value);
/* Text content: escaped; characters XML 1.0 cannot hold (control
 * characters, broken UTF-8) become U+FFFD. */
void xml_write_text(struct xml_writer *w, const char *text);
void xml_end(struct xml_writer *w);
/* Closes open elements, writes the document to OUT and frees W.
 * Returns 0, or -1 when writing failed. */
int xml_writer_finish(struct xml_writer *w, FILE *out);

#endif
