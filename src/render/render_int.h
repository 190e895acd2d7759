/* render_int.h - shared inside render/ only: the display list.
 *
 * Layout (layout.c) turns a letter into pages of boxes: text, shapes,
 * icons, images, barcodes and structure tags, all in PDF points with y
 * down. Painting (paint.c) replays the boxes on any cairo surface (PDF,
 * PNG), and the layout dump (--emit layout) prints them, so tests see
 * exactly what the reader sees. pango and cairo are used inside render/
 * only; zint only in barcode.c, librsvg only in image.c. */
#ifndef BB_RENDER_INT_H
#define BB_RENDER_INT_H
#include "render.h"
#include "../model/house.h"
#include "../model/letter.h"
#include <cairo.h>
#include <pango/pangocairo.h>

#define MM (72.0 / 25.4)
#define PAGE_W (210 * MM)
#define PAGE_H (297 * MM)

struct rgb { double r, g, b; };

enum box_kind {
  BOX_TEXT,      /* lines [line0, line1) of a pango layout */
  BOX_RECT,      /* filled and/or stroked, optionally rounded */
  BOX_LINE,      /* from (x, y) to (x + w, y + h) */
  BOX_CIRCLE,    /* inscribed in the box */
  BOX_ICON,      /* one of the vector icons */
  BOX_IMAGE,     /* the logo */
  BOX_BARS,      /* a barcode: rectangles relative to the box */
  BOX_TAG,       /* opens a structure element (H1, P, L, LI, Table, ...) */
  BOX_END_TAG,   /* closes it */
};

struct image;

struct box {
  enum box_kind kind;
  double        x, y, w, h;     /* points; y grows downwards */
  const char   *what;           /* what it shows, for the layout dump */
  bool          artifact;       /* decoration: not read aloud */
  /* shapes */
  struct rgb    fill, stroke;
  bool          filled, stroked;
  double        line_width, radius;
  /* text */
  PangoLayout  *layout;         /* owned: one reference per box */
  int           line0, line1;
  double        layout_dy;      /* layout y of line0's top */
  struct rgb    colour;
  const char   *uri;            /* link annotation over the text */
  /* icons, images, barcodes */
  enum icon     icon;
  struct image *image;
  double       *bars;           /* x, y, w, h quadruples */
  size_t        nbars;
  /* tags */
  const char   *tag;            /* "H1", "P", "Figure", ... */
  const char   *attrs;          /* cairo tag attributes */
  const char   *alt;            /* Figure: alternative text (see pdf_post.c) */
};

struct page {
  struct box *boxes;
  size_t      n, cap;
};

struct doc {
  struct page *pages;
  size_t       npages;
  struct arena *arena;          /* strings of the boxes */
  struct image *logo;
};

/* layout.c: lays L out in house style HS. Returns the number of pages, or
 * -1 with diagnostics on U (a missing logo). */
int  layout_letter(struct unit *u, const struct letter *l, const struct house_style *hs,
                   const struct render_opts *o, PangoContext *pctx, struct doc *d);
void doc_free(struct doc *d);
/* The text dump of the display list: one line per box, in millimetres. */
void doc_dump(const struct doc *d, FILE *out);
/* A pango context that measures like the PDF surface: 72 dpi, no hinting.
 * The fontconfig set-up must have run (render_init). */
PangoContext *layout_context_new(void);
/* Drops the laid-out texts kept for later letters (tests, leak checks). */
void layout_cache_clear(void);

/* paint.c: draws page PAGE (0-based) of D on CR. */
void paint_page(cairo_t *cr, const struct doc *d, size_t page, bool tags);

/* icons.c: draws ICON in the square (x, y, size) in colour C. */
void icon_draw(cairo_t *cr, enum icon icon, double x, double y, double size, struct rgb c);
/* A short Dutch description of an icon, for alt text. */
const char *icon_alt(enum icon icon);

/* barcode.c: the PostNL KIX code of a Dutch postcode and house number
 * ("4813GS43"), or a QR code of TEXT, as rectangles scaled to fit a box
 * of height H (KIX) or side H (QR). Returns the rectangles (x, y, w, h
 * quadruples, caller frees) and their count, and the width in *w; NULL
 * when the data cannot be encoded. */
double *barcode_kix(const char *data, double h, size_t *n, double *w);
double *barcode_qr(const char *text, double side, size_t *n);

/* image.c: loads an SVG or PNG logo; NULL with *why set on failure. */
struct image *image_load(const char *path, const char **why);
/* Natural aspect ratio (height / width). */
double image_aspect(const struct image *img);
void image_draw(cairo_t *cr, const struct image *img, double x, double y, double w, double h);
void image_free(struct image *img);

/* pdf_post.c: adds /Alt to the Figure structure elements (ALTS in tree
 * order) and /Lang to the catalog of a PDF written by cairo, fixing the
 * cross-reference table. False when the PDF is not laid out as expected
 * (then it is left unchanged). */
bool pdf_add_accessibility(GByteArray *pdf, const char *const *alts, size_t nalts,
                           const char *lang);

#endif
