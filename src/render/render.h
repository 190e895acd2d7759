/* render.h - the last stage: a letter model out as a document.
 *
 * render_pdf.c is the only file that uses cairo and pango. */
#ifndef BB_RENDER_H
#define BB_RENDER_H
#include "../base/unit.h"

struct letter;

struct render_opts {
  const char *datadir;      /* where fonts/ lives */
  unsigned    max_pages;    /* more pages is an error; 0 = 10 */
  long long   epoch;        /* date for the letter and PDF metadata when the
                               spec has none: SOURCE_DATE_EPOCH or now */
};

/* Points fontconfig at DATADIR/fonts/fonts.conf so that output never
 * depends on what else is installed. Call before anything uses pango;
 * leaves an explicit FONTCONFIG_FILE alone. */
void render_init(const char *datadir);

enum render_result {
  RENDER_OK = 0,
  RENDER_FINDINGS = -1,   /* the letter breaks a limit (too many pages) */
  RENDER_IO = -2,         /* the PDF could not be written */
};

/* Renders L as an A4 PDF into OUT_PATH. The file is written under a
 * temporary name and renamed into place only when complete, so on failure
 * (diagnostics on U) no file is left behind and an existing file is
 * untouched. */
enum render_result render_pdf(struct unit *u, const struct letter *l, const struct render_opts *o,
               const char *out_path);

/* Formats the letter's date in Dutch ("27 november 2026") into BUF. */
void render_format_date(const struct letter *l, long long epoch, char *buf, size_t size);

#endif
