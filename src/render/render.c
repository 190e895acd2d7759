/* render.c - the render stage's entry points: lay out once, then paint
 * to PDF or PNG, or dump the layout; plus the house style's contrast
 * check and fontconfig set-up. */
#include "render_int.h"
#include "../base/util.h"
#include <cairo-pdf.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void render_init(const char *datadir)
{
  if (getenv("FONTCONFIG_FILE")) return;
  /* fontconfig resolves a relative FONTCONFIG_FILE against its own
   * config directory, so the path must be absolute. */
  char *dir = g_canonicalize_filename(datadir, NULL);
  char *conf = g_build_filename(dir, "fonts", "fonts.conf", NULL);
  if (access(conf, R_OK) == 0) setenv("FONTCONFIG_FILE", conf, 1);
  g_free(conf);
  g_free(dir);
}

void render_format_date(const struct letter *l, long long epoch, char *buf, size_t size)
{
  static const char *const months[] = { "januari", "februari", "maart", "april", "mei",
    "juni", "juli", "augustus", "september", "oktober", "november", "december" };
  static const char *const months_en[] = { "January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December" };
  bool en = l->language.s && !g_ascii_strncasecmp(l->language.s, "en", 2);
  int y = l->year, m = l->month, d = l->day;
  if (!y) {
    time_t t = (time_t)epoch;
    struct tm tm;
    gmtime_r(&t, &tm);
    y = tm.tm_year + 1900; m = tm.tm_mon + 1; d = tm.tm_mday;
  }
  snprintf(buf, size, "%d %s %d", d, (en ? months_en : months)[m - 1], y);
}

/* ---- contrast ---------------------------------------------------------------------- */

struct pair {
  const char *fg_name, *bg_name;
  size_t      fg, bg;        /* offsets of the colours in struct house_style */
  double      need;          /* 4.5 for text, 3 for graphics (WCAG 1.4.3, 1.4.11) */
};

#define C(name) offsetof(struct house_style, name)
static const struct pair pairs[] = {
  { "text", "white paper", C(text), 0, 4.5 },
  { "muted", "white paper", C(muted), 0, 4.5 },
  { "primary", "white paper", C(primary), 0, 4.5 },
  { "on-primary", "primary", C(on_primary), C(primary), 4.5 },
  { "text", "light", C(text), C(light), 4.5 },
  { "muted", "light", C(muted), C(light), 4.5 },
  { "primary", "light", C(primary), C(light), 4.5 },
  { "text", "warning-light", C(text), C(warning_light), 4.5 },
  { "text", "success-light", C(text), C(success_light), 4.5 },
  { "accent", "white paper", C(accent), 0, 3.0 },
  { "warning", "warning-light", C(warning), C(warning_light), 3.0 },
  { "success", "success-light", C(success), C(success_light), 3.0 },
};

int render_check_style(struct unit *u, const struct house_style *hs)
{
  static const struct colour white = { 1, 1, 1, { 0 } };
  int errors = 0;
  for (size_t i = 0; i < ARRAY_SIZE(pairs); i++) {
    const struct colour *fg = (const struct colour *)((const char *)hs + pairs[i].fg);
    const struct colour *bg = pairs[i].bg ? (const struct colour *)((const char *)hs + pairs[i].bg)
                                          : &white;
    double ratio = colour_contrast(fg, bg);
    if (ratio + 1e-9 >= pairs[i].need) continue;
    /* Point at whichever of the two colours the house style sets. */
    const struct text *at = fg->src.s ? &fg->src : bg->src.s ? &bg->src : NULL;
    const char *what = pairs[i].need > 4 ? "text" : "graphics";
    if (at)
      diag_text(&u->diags, DIAG_ERROR, "render.contrast", at, 0, 0, NULL,
                "'%s' on '%s' has a contrast of %.1f:1; WCAG AA needs %.1f:1 for %s",
                pairs[i].fg_name, pairs[i].bg_name, ratio, pairs[i].need, what);
    else
      diag_file(&u->diags, DIAG_ERROR, "render.contrast", hs->file ? hs->file->name : "house style",
                "'%s' on '%s' has a contrast of %.1f:1; WCAG AA needs %.1f:1 for %s",
                pairs[i].fg_name, pairs[i].bg_name, ratio, pairs[i].need, what);
    errors++;
  }
  return errors;
}

/* ---- laying out once ------------------------------------------------------------- */

/* Lays the letter out and checks the page limit. */
static enum render_result lay_out(struct unit *u, const struct letter *l,
                                  const struct house_style *hs, const struct render_opts *o,
                                  struct doc *d, PangoContext **pctx)
{
  *pctx = layout_context_new();
  int pages = layout_letter(u, l, hs, o, *pctx, d);
  if (pages < 0) return RENDER_FINDINGS;
  unsigned max = o->max_pages ? o->max_pages : hs->max_pages ? hs->max_pages : 10;
  if ((unsigned)pages > max) {
    diag_text(&u->diags, DIAG_ERROR, "render.pages", &l->subject, 0, 0, NULL,
              "the letter needs %d pages; the limit is %u", pages, max);
    return RENDER_FINDINGS;
  }
  if (o->kind_pages && (unsigned)pages > o->kind_pages) {
    diag_text(&u->diags, (enum diag_severity)o->kind_pages_severity, "letter.pages", &l->kind_text,
              0, 0, NULL, "this %s has %d pages; keep it to %u (letter: pages: in .beeldbrief.yaml)",
              letter_kind_names[l->kind], pages, o->kind_pages);
    if (o->kind_pages_severity == DIAG_ERROR) return RENDER_FINDINGS;
  }
  return RENDER_OK;
}

static void finish(struct doc *d, PangoContext *pctx)
{
  doc_free(d);
  g_object_unref(pctx);
}

enum render_result render_layout(struct unit *u, const struct letter *l,
                                 const struct house_style *hs, const struct render_opts *o,
                                 FILE *out)
{
  struct doc d;
  PangoContext *pctx;
  enum render_result r = lay_out(u, l, hs, o, &d, &pctx);
  if (r == RENDER_OK) doc_dump(&d, out);
  finish(&d, pctx);
  return r;
}

/* ---- PDF --------------------------------------------------------------------------- */

static cairo_status_t write_fd(void *closure, const unsigned char *data, unsigned int len)
{
  int fd = *(int *)closure;
  while (len > 0) {
    ssize_t n = write(fd, data, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      return CAIRO_STATUS_WRITE_ERROR;
    }
    data += n;
    len -= (unsigned)n;
  }
  return CAIRO_STATUS_SUCCESS;
}

static void set_metadata(cairo_surface_t *s, const struct letter *l, const struct house_style *hs,
                         long long epoch)
{
  char date[32];
  if (l->year) {
    snprintf(date, sizeof date, "%04d-%02d-%02dT00:00:00", l->year, l->month, l->day);
  } else {
    time_t t = (time_t)epoch;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
  }
  /* A fixed date instead of "now" keeps the output byte-for-byte the same. */
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, l->subject.s ? l->subject.s : "");
  const char *org = l->sender.organisation.s ? l->sender.organisation.s : hs->organisation.s;
  if (org) cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, org);
  if (l->key_title.s) cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, l->key_title.s);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "beeldbrief");
}

static cairo_status_t append_bytes(void *closure, const unsigned char *data, unsigned int len)
{
  g_byte_array_append(closure, data, len);
  return CAIRO_STATUS_SUCCESS;
}

/* The alternative texts of the Figures, in the order cairo numbers them. */
static GPtrArray *figure_alts(const struct doc *d)
{
  GPtrArray *alts = g_ptr_array_new();
  for (size_t p = 0; p < d->npages; p++)
    for (size_t i = 0; i < d->pages[p].n; i++)
      if (d->pages[p].boxes[i].kind == BOX_TAG && d->pages[p].boxes[i].alt)
        g_ptr_array_add(alts, (gpointer)d->pages[p].boxes[i].alt);
  return alts;
}

/* Paints every page into PDF (bytes in memory: letters are small), then
 * adds what cairo cannot: alt texts and the language. */
static cairo_status_t paint_pdf(const struct doc *d, const struct letter *l,
                                const struct house_style *hs, long long epoch, GByteArray *pdf)
{
  cairo_surface_t *s = cairo_pdf_surface_create_for_stream(append_bytes, pdf, PAGE_W, PAGE_H);
  cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
  set_metadata(s, l, hs, epoch);
  cairo_t *cr = cairo_create(s);
  for (size_t p = 0; p < d->npages; p++) {
    paint_page(cr, d, p, /*tags*/ true);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(s);
  cairo_status_t st = cairo_surface_status(s);
  cairo_surface_destroy(s);
  if (st == CAIRO_STATUS_SUCCESS) {
    GPtrArray *alts = figure_alts(d);
    pdf_add_accessibility(pdf, (const char *const *)alts->pdata, alts->len,
                          l->language.s ? l->language.s : "nl");
    g_ptr_array_free(alts, TRUE);
  }
  return st;
}

enum render_result render_pdf_mem(struct unit *u, const struct letter *l,
                                  const struct house_style *hs, const struct render_opts *o,
                                  unsigned char **out, size_t *len, unsigned *pages)
{
  struct doc d;
  PangoContext *pctx;
  *out = NULL;
  *len = 0;
  *pages = 0;
  enum render_result r = lay_out(u, l, hs, o, &d, &pctx);
  if (r != RENDER_OK) {
    finish(&d, pctx);
    return r;
  }
  *pages = (unsigned)d.npages;
  GByteArray *pdf = g_byte_array_sized_new(64 * 1024);
  cairo_status_t st = paint_pdf(&d, l, hs, o->epoch, pdf);
  finish(&d, pctx);
  if (st != CAIRO_STATUS_SUCCESS) {
    g_byte_array_free(pdf, TRUE);
    diag_file(&u->diags, DIAG_ERROR, "io.write", "PDF", "cannot make the PDF: %s",
              cairo_status_to_string(st));
    return RENDER_IO;
  }
  *len = pdf->len;
  *out = g_byte_array_free(pdf, FALSE);
  return RENDER_OK;
}

enum render_result render_pdf(struct unit *u, const struct letter *l, const struct house_style *hs,
                              const struct render_opts *o, const char *out_path)
{
  unsigned char *pdf;
  size_t len;
  unsigned pages;
  enum render_result r = render_pdf_mem(u, l, hs, o, &pdf, &len, &pages);
  if (r != RENDER_OK) return r;
  /* All or nothing: a failed write leaves no file and no broken one. */
  if (write_file_atomic(out_path, (const char *)pdf, len) != 0) {
    diag_file(&u->diags, DIAG_ERROR, "io.write", out_path, "cannot write the PDF: %s",
              strerror(errno));
    r = RENDER_IO;
  }
  g_free(pdf);
  return r;
}

/* ---- PNG --------------------------------------------------------------------------- */

enum render_result render_png(struct unit *u, const struct letter *l, const struct house_style *hs,
                              const struct render_opts *o, const char *prefix)
{
  struct doc d;
  PangoContext *pctx;
  enum render_result r = lay_out(u, l, hs, o, &d, &pctx);
  double scale = (o->dpi > 0 ? o->dpi : 110) / 72.0;
  int w = (int)(PAGE_W * scale + 0.5), h = (int)(PAGE_H * scale + 0.5);
  /* All pages are painted before any file is renamed into place, so a
   * failure leaves none of them. */
  struct outfile *files = calloc(d.npages ? d.npages : 1, sizeof *files);
  size_t opened = 0;
  for (size_t p = 0; r == RENDER_OK && p < d.npages; p++) {
    char *path = g_strdup_printf("%s-%zu.png", prefix, p + 1);
    if (outfile_open(&files[p], path) != 0) {
      diag_file(&u->diags, DIAG_ERROR, "io.write", path, "cannot write the PNG: %s", strerror(errno));
      r = RENDER_IO;
      g_free(path);
      break;
    }
    opened++;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    paint_page(cr, &d, p, /*tags*/ false);
    cairo_destroy(cr);
    if (cairo_surface_write_to_png_stream(s, write_fd, &files[p].fd) != CAIRO_STATUS_SUCCESS) {
      diag_file(&u->diags, DIAG_ERROR, "io.write", path, "cannot write the PNG");
      r = RENDER_IO;
    }
    cairo_surface_destroy(s);
    g_free(path);
  }
  for (size_t p = 0; p < opened; p++) {
    if (r == RENDER_OK && outfile_commit(&files[p]) != 0) {
      diag_file(&u->diags, DIAG_ERROR, "io.write", prefix, "cannot write the PNG: %s", strerror(errno));
      r = RENDER_IO;
    } else if (r != RENDER_OK) {
      outfile_abort(&files[p]);
    }
  }
  free(files);
  finish(&d, pctx);
  return r;
}
