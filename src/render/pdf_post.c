/* pdf_post.c - what cairo 1.16 cannot write into a tagged PDF: alternative
 * text on Figure elements and the document language.
 *
 * cairo writes a classic PDF: one object per "N 0 obj", a single xref
 * table, no object streams. We insert "/Alt <...>" after each "/S /Figure"
 * (cairo numbers structure elements in tree order, which is the order the
 * layout opened them) and "/Lang (..)" into the catalog, then rewrite the
 * xref offsets and startxref. Pure byte work: no cairo here. */
#include "render_int.h"
#include "../base/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* A PDF text string in UTF-16BE with a byte-order mark, as hex, so any
 * character (and any parenthesis) is safe. */
static void append_text_string(GByteArray *out, const char *utf8)
{
  glong n = 0;
  gunichar2 *u16 = g_utf8_to_utf16(utf8, -1, NULL, &n, NULL);
  GString *hex = g_string_new("<FEFF");
  for (glong i = 0; u16 && i < n; i++) g_string_append_printf(hex, "%04X", u16[i]);
  g_string_append_c(hex, '>');
  g_byte_array_append(out, (const guint8 *)hex->str, (guint)hex->len);
  g_string_free(hex, TRUE);
  g_free(u16);
}

static const char *find(const char *hay, size_t len, size_t from, const char *needle)
{
  size_t n = strlen(needle);
  for (size_t i = from; i + n <= len; i++)
    if (hay[i] == needle[0] && memcmp(hay + i, needle, n) == 0) return hay + i;
  return NULL;
}

/* Rewrites the xref table of PDF (len bytes) with the objects' new
 * offsets. Returns false when the file does not look like cairo's. */
static bool fix_xref(GByteArray *pdf)
{
  const char *d = (const char *)pdf->data;
  size_t len = pdf->len;
  const char *xref = NULL;
  for (const char *p = find(d, len, 0, "\nxref\n"); p; p = find(d, len, (size_t)(p - d) + 1, "\nxref\n"))
    xref = p;                                    /* the last one */
  if (!xref) return false;
  size_t xoff = (size_t)(xref - d) + 1;
  unsigned first, count;
  if (sscanf(d + xoff, "xref\n%u %u\n", &first, &count) != 2 || first != 0) return false;
  const char *entries = strchr(d + xoff + 5, '\n') + 1;
  /* Offsets of "N 0 obj" at the start of a line. */
  size_t *offs = xcalloc(count, sizeof *offs);
  for (size_t i = 0; i < xoff; i++) {
    if (i && d[i - 1] != '\n') continue;
    if (d[i] < '0' || d[i] > '9') continue;
    char *end;
    unsigned long num = strtoul(d + i, &end, 10);
    if (strncmp(end, " 0 obj", 6) == 0 && num < count) offs[num] = i;
  }
  char *e = (char *)entries;
  for (unsigned k = 1; k < count; k++) {
    char buf[21];
    snprintf(buf, sizeof buf, "%010zu 00000 n \n", offs[k]);
    if (e[20 * k + 17] == 'n') memcpy(e + 20 * k, buf, 20);
  }
  free(offs);
  /* startxref is the last number in the file: rebuild the tail. */
  const char *sx = find(d, len, xoff, "startxref\n");
  if (!sx) return false;
  size_t cut = (size_t)(sx - d) + strlen("startxref\n");
  g_byte_array_set_size(pdf, (guint)cut);
  char tail[64];
  int n = snprintf(tail, sizeof tail, "%zu\n%%%%EOF\n", xoff);
  g_byte_array_append(pdf, (const guint8 *)tail, (guint)n);
  return true;
}

bool pdf_add_accessibility(GByteArray *pdf, const char *const *alts, size_t nalts,
                           const char *lang)
{
  GByteArray *out = g_byte_array_sized_new(pdf->len + 256 * (guint)nalts + 64);
  const char *d = (const char *)pdf->data;
  size_t len = pdf->len, pos = 0, next_alt = 0;
  for (;;) {
    const char *fig = find(d, len, pos, "/S /Figure\n");
    const char *cat = find(d, len, pos, "/Type /Catalog\n");
    const char *hit = fig && (!cat || fig < cat) ? fig : cat;
    if (!hit) break;
    size_t at = (size_t)(hit - d) + (hit == fig ? strlen("/S /Figure\n") : strlen("/Type /Catalog\n"));
    g_byte_array_append(out, (const guint8 *)d + pos, (guint)(at - pos));
    if (hit == fig && next_alt < nalts) {
      g_byte_array_append(out, (const guint8 *)"   /Alt ", 8);
      append_text_string(out, alts[next_alt++]);
      g_byte_array_append(out, (const guint8 *)"\n", 1);
    } else if (hit == cat && lang) {
      g_byte_array_append(out, (const guint8 *)"   /Lang ", 9);
      append_text_string(out, lang);
      g_byte_array_append(out, (const guint8 *)"\n", 1);
    }
    pos = at;
  }
  g_byte_array_append(out, (const guint8 *)d + pos, (guint)(len - pos));
  if (!fix_xref(out)) {
    g_byte_array_free(out, TRUE);
    return false;
  }
  g_byte_array_set_size(pdf, 0);
  g_byte_array_append(pdf, out->data, out->len);
  g_byte_array_free(out, TRUE);
  return true;
}
