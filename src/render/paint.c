/* paint.c - replays a page of the display list on a cairo surface.
 *
 * The same code paints the PDF and the PNG previews. With TAGS set,
 * structure tags and link annotations are written (PDF only); artifacts
 * (fold marks, backgrounds, running header and footer) stay untagged. */
#include "render_int.h"
#include <math.h>

static void set(cairo_t *cr, struct rgb c)
{
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

static void path_rect(cairo_t *cr, const struct box *b)
{
  double r = b->radius, x = b->x, y = b->y, w = b->w, h = b->h;
  cairo_new_path(cr);
  if (r <= 0) {
    cairo_rectangle(cr, x, y, w, h);
    return;
  }
  cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
  cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
  cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
  cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
}

static void fill_stroke(cairo_t *cr, const struct box *b)
{
  if (b->filled) {
    set(cr, b->fill);
    if (b->stroked) cairo_fill_preserve(cr); else cairo_fill(cr);
  }
  if (b->stroked) {
    set(cr, b->stroke);
    cairo_set_line_width(cr, b->line_width);
    cairo_stroke(cr);
  }
}

/* Draws the lines [line0, line1) of the box's layout, line0's top at y. */
static void paint_text(cairo_t *cr, const struct box *b)
{
  PangoLayoutIter *it = pango_layout_get_iter(b->layout);
  int i = 0;
  set(cr, b->colour);
  do {
    if (i >= b->line1) break;
    if (i >= b->line0) {
      /* Lines drawn one by one lose the layout's alignment unless the
       * line's own x offset (centred, right-aligned) is added back. */
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, NULL, &logical);
      int baseline = pango_layout_iter_get_baseline(it);
      cairo_move_to(cr, b->x + (double)logical.x / PANGO_SCALE,
                    b->y + (double)baseline / PANGO_SCALE - b->layout_dy);
      pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
    }
    i++;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
}

void paint_page(cairo_t *cr, const struct doc *d, size_t page, bool tags)
{
  const struct page *pg = &d->pages[page];
  for (size_t i = 0; i < pg->n; i++) {
    const struct box *b = &pg->boxes[i];
    switch (b->kind) {
    case BOX_TEXT:
      if (tags && b->uri) {
        char *attrs = g_strdup_printf("uri='%s'", b->uri);
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
        g_free(attrs);
      }
      paint_text(cr, b);
      if (tags && b->uri) cairo_tag_end(cr, CAIRO_TAG_LINK);
      break;
    case BOX_RECT:
      path_rect(cr, b);
      fill_stroke(cr, b);
      break;
    case BOX_LINE:
      cairo_new_path(cr);
      cairo_move_to(cr, b->x, b->y);
      cairo_line_to(cr, b->x + b->w, b->y + b->h);
      set(cr, b->stroke);
      cairo_set_line_width(cr, b->line_width);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
      cairo_stroke(cr);
      break;
    case BOX_CIRCLE:
      cairo_new_path(cr);
      cairo_arc(cr, b->x + b->w / 2, b->y + b->h / 2, b->w / 2, 0, 2 * M_PI);
      fill_stroke(cr, b);
      break;
    case BOX_ICON:
      icon_draw(cr, b->icon, b->x, b->y, b->w, b->colour);
      break;
    case BOX_IMAGE:
      image_draw(cr, b->image, b->x, b->y, b->w, b->h);
      break;
    case BOX_BARS:
      cairo_new_path(cr);
      for (size_t k = 0; k < b->nbars; k++)
        cairo_rectangle(cr, b->x + b->bars[4 * k], b->y + b->bars[4 * k + 1],
                        b->bars[4 * k + 2], b->bars[4 * k + 3]);
      set(cr, b->fill);
      cairo_fill(cr);
      break;
    case BOX_TAG:
      if (tags) cairo_tag_begin(cr, b->tag, b->attrs ? b->attrs : "");
      break;
    case BOX_END_TAG:
      if (tags) cairo_tag_end(cr, b->tag);
      break;
    }
  }
}
