/* icons.c - the icon set, drawn as vectors with cairo.
 *
 * Twelve line icons on a 24 x 24 grid with a 2-unit stroke, round caps and
 * joins: simple shapes that stay clear at 4 mm on paper. Drawing them in
 * code keeps the PDF small, sharp at any size, and free of files. */
#include "render_int.h"
#include <math.h>

static void ring(cairo_t *cr, double cx, double cy, double r)
{
  cairo_new_sub_path(cr);
  cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
}

static void dot(cairo_t *cr, double cx, double cy, double r)
{
  cairo_new_sub_path(cr);
  cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
  cairo_fill(cr);
}

static void seg(cairo_t *cr, double x0, double y0, double x1, double y1)
{
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
}

static void rounded(cairo_t *cr, double x0, double y0, double x1, double y1, double r)
{
  cairo_new_sub_path(cr);
  cairo_arc(cr, x1 - r, y0 + r, r, -M_PI / 2, 0);
  cairo_arc(cr, x1 - r, y1 - r, r, 0, M_PI / 2);
  cairo_arc(cr, x0 + r, y1 - r, r, M_PI / 2, M_PI);
  cairo_arc(cr, x0 + r, y0 + r, r, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
}

static void draw_shape(cairo_t *cr, enum icon icon)
{
  switch (icon) {
  case ICON_CALENDAR:
    rounded(cr, 3, 5, 21, 21, 2);
    seg(cr, 3, 10, 21, 10);
    seg(cr, 8, 3, 8, 7);
    seg(cr, 16, 3, 16, 7);
    cairo_stroke(cr);
    cairo_rectangle(cr, 13.5, 13.5, 4, 4);
    cairo_fill(cr);
    break;
  case ICON_CLOCK:
    ring(cr, 12, 12, 9);
    cairo_move_to(cr, 12, 7);
    cairo_line_to(cr, 12, 12);
    cairo_line_to(cr, 15.5, 14);
    cairo_stroke(cr);
    break;
  case ICON_LOCATION:
    cairo_move_to(cr, 12, 22);
    cairo_curve_to(cr, 12, 22, 5, 15, 5, 9.5);
    cairo_arc(cr, 12, 9.5, 7, M_PI, 2 * M_PI);
    cairo_curve_to(cr, 19, 15, 12, 22, 12, 22);
    cairo_close_path(cr);
    ring(cr, 12, 9.5, 2.5);
    cairo_stroke(cr);
    break;
  case ICON_DOCUMENT:
    cairo_move_to(cr, 6, 2);
    cairo_line_to(cr, 14, 2);
    cairo_line_to(cr, 19, 7);
    cairo_line_to(cr, 19, 22);
    cairo_line_to(cr, 6, 22);
    cairo_close_path(cr);
    cairo_move_to(cr, 14, 2);
    cairo_line_to(cr, 14, 7);
    cairo_line_to(cr, 19, 7);
    seg(cr, 9, 12, 16, 12);
    seg(cr, 9, 16, 16, 16);
    cairo_stroke(cr);
    break;
  case ICON_ID_CARD:
    rounded(cr, 2, 5, 22, 19, 2);
    ring(cr, 8, 10.5, 2.2);
    cairo_move_to(cr, 4.5, 16.5);
    cairo_curve_to(cr, 5, 13.8, 11, 13.8, 11.5, 16.5);
    seg(cr, 14, 10, 19, 10);
    seg(cr, 14, 14, 19, 14);
    cairo_stroke(cr);
    break;
  case ICON_PHONE:
    rounded(cr, 7, 2, 17, 22, 2);
    seg(cr, 11, 18.5, 13, 18.5);
    cairo_stroke(cr);
    break;
  case ICON_EURO:
    cairo_new_sub_path(cr);
    cairo_arc(cr, 13.5, 12, 7.5, M_PI / 4, 7 * M_PI / 4);
    seg(cr, 4, 10, 13, 10);
    seg(cr, 4, 14, 12, 14);
    cairo_stroke(cr);
    break;
  case ICON_WARNING:
    cairo_move_to(cr, 12, 3);
    cairo_line_to(cr, 22, 20.5);
    cairo_line_to(cr, 2, 20.5);
    cairo_close_path(cr);
    seg(cr, 12, 9.5, 12, 14);
    cairo_stroke(cr);
    dot(cr, 12, 17.3, 1.3);
    break;
  case ICON_CHECK:
    ring(cr, 12, 12, 9.5);
    cairo_move_to(cr, 7.5, 12.5);
    cairo_line_to(cr, 10.5, 15.5);
    cairo_line_to(cr, 16.5, 9);
    cairo_stroke(cr);
    break;
  case ICON_INFO:
    ring(cr, 12, 12, 9.5);
    seg(cr, 12, 11, 12, 17);
    cairo_stroke(cr);
    dot(cr, 12, 7.5, 1.3);
    break;
  case ICON_PERSON:
    ring(cr, 12, 8, 4);
    cairo_move_to(cr, 4, 21);
    cairo_curve_to(cr, 4, 16, 8, 14, 12, 14);
    cairo_curve_to(cr, 16, 14, 20, 16, 20, 21);
    cairo_stroke(cr);
    break;
  case ICON_MAIL:
    rounded(cr, 2, 5, 22, 19, 1.5);
    cairo_move_to(cr, 2.5, 6);
    cairo_line_to(cr, 12, 13);
    cairo_line_to(cr, 21.5, 6);
    cairo_stroke(cr);
    break;
  case ICON_NONE:
  case ICON_COUNT:
    break;
  }
}

void icon_draw(cairo_t *cr, enum icon icon, double x, double y, double size, struct rgb c)
{
  cairo_save(cr);
  cairo_new_path(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, size / 24.0, size / 24.0);
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
  cairo_set_line_width(cr, 2);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  draw_shape(cr, icon);
  cairo_restore(cr);
}

const char *icon_alt(enum icon icon)
{
  static const char *const alt[ICON_COUNT] = {
    "", "kalender", "klok", "locatie", "document", "identiteitsbewijs", "telefoon",
    "euro", "let op", "afgerond", "informatie", "persoon", "post",
  };
  return icon < ICON_COUNT ? alt[icon] : "";
}
