/* render.h - the last stage: a letter model out as a document.
 *
 * layout.c lays the letter out as pages of boxes (render_int.h); paint.c
 * draws them as PDF or PNG; --emit layout prints them. pango and cairo
 * are used inside render/ only. */
#ifndef BB_RENDER_H
#define BB_RENDER_H
#include "../base/unit.h"
#include <stdio.h>

struct letter;
struct house_style;

struct render_opts {
  const char *datadir;      /* where fonts/ lives */
  unsigned    max_pages;    /* more pages is an error; 0 = the house style's */
  long long   epoch;        /* date for the letter and PDF metadata when the
                               spec has none: SOURCE_DATE_EPOCH or now */
  double      dpi;          /* PNG previews; 0 = 110 */
  unsigned    kind_pages;   /* pages the letter's kind may have (letter.pages); 0 = none */
  int         kind_pages_severity; /* its severity (enum diag_severity); an
                               error stops the output, like render.pages */
};

enum render_result {
  RENDER_OK = 0,
  RENDER_FINDINGS = -1,     /* the letter breaks a limit (pages, window, contrast) */
  RENDER_IO = -2,           /* the output could not be written */
};

/* Points fontconfig at DATADIR/fonts/fonts.conf so that output never
 * depends on what else is installed. Call before anything uses pango;
 * leaves an explicit FONTCONFIG_FILE alone. */
void render_init(const char *datadir);

/* Checks the house style's colour pairs against WCAG AA: 4.5:1 for text,
 * 3:1 for graphics. Findings (rule render.contrast) go on U, pointing at
 * the colour in the house style file. Returns the number of errors. */
int render_check_style(struct unit *u, const struct house_style *hs);

/* Renders L in house style HS as an A4 PDF into OUT_PATH: tagged (H1, H2,
 * P, L, LI, Table, Figure), with title, author and language, link
 * annotations, and the same bytes for the same input. Written under a
 * temporary name and renamed into place only when complete, so on failure
 * (diagnostics on U) no file is left behind and an existing file is
 * untouched. */
enum render_result render_pdf(struct unit *u, const struct letter *l, const struct house_style *hs,
                              const struct render_opts *o, const char *out_path);

/* The same PDF in memory: *OUT (g_free it), *LEN bytes, *PAGES pages. */
enum render_result render_pdf_mem(struct unit *u, const struct letter *l,
                                  const struct house_style *hs, const struct render_opts *o,
                                  unsigned char **out, size_t *len, unsigned *pages);

/* One PNG per page: PREFIX-1.png, PREFIX-2.png, ... Same guarantees. */
enum render_result render_png(struct unit *u, const struct letter *l, const struct house_style *hs,
                              const struct render_opts *o, const char *prefix);

/* The text dump of the layout (pages and boxes in millimetres) to OUT. */
enum render_result render_layout(struct unit *u, const struct letter *l,
                                 const struct house_style *hs, const struct render_opts *o,
                                 FILE *out);

/* Formats the letter's date in Dutch ("27 november 2026") into BUF. */
void render_format_date(const struct letter *l, long long epoch, char *buf, size_t size);

#endif
