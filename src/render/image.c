/* image.c - the logo: SVG through librsvg, PNG through cairo.
 *
 * The only file that uses librsvg. An SVG logo stays vector in the PDF. */
#include "render_int.h"
#include "../base/xalloc.h"
#include <librsvg/rsvg.h>
#include <string.h>

struct image {
  RsvgHandle      *svg;      /* one of the two */
  cairo_surface_t *png;
  double           w, h;     /* natural size */
};

static bool ends_with(const char *s, const char *suffix)
{
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && g_ascii_strcasecmp(s + n - m, suffix) == 0;
}

struct image *image_load(const char *path, const char **why)
{
  if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
    *why = "no such file";
    return NULL;
  }
  struct image *img = xcalloc(1, sizeof *img);
  if (ends_with(path, ".svg")) {
    GError *err = NULL;
    img->svg = rsvg_handle_new_from_file(path, &err);
    if (!img->svg) {
      *why = "not a readable SVG file";
      if (err) g_error_free(err);
      free(img);
      return NULL;
    }
    gdouble w = 0, h = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(img->svg, &w, &h) || w <= 0 || h <= 0) {
      RsvgRectangle ink, logical;
      rsvg_handle_get_geometry_for_element(img->svg, NULL, &ink, &logical, NULL);
      w = logical.width;
      h = logical.height;
    }
    img->w = w > 0 ? w : 1;
    img->h = h > 0 ? h : 1;
    return img;
  }
  if (ends_with(path, ".png")) {
    img->png = cairo_image_surface_create_from_png(path);
    if (cairo_surface_status(img->png) != CAIRO_STATUS_SUCCESS) {
      *why = "not a readable PNG file";
      cairo_surface_destroy(img->png);
      free(img);
      return NULL;
    }
    img->w = cairo_image_surface_get_width(img->png);
    img->h = cairo_image_surface_get_height(img->png);
    return img;
  }
  *why = "a logo must be an .svg or .png file";
  free(img);
  return NULL;
}

double image_aspect(const struct image *img)
{
  return img->h / img->w;
}

void image_draw(cairo_t *cr, const struct image *img, double x, double y, double w, double h)
{
  cairo_save(cr);
  if (img->svg) {
    RsvgRectangle vp = { x, y, w, h };
    rsvg_handle_render_document(img->svg, cr, &vp, NULL);
  } else {
    cairo_translate(cr, x, y);
    cairo_scale(cr, w / img->w, h / img->h);
    cairo_set_source_surface(cr, img->png, 0, 0);
    cairo_paint(cr);
  }
  cairo_restore(cr);
}

void image_free(struct image *img)
{
  if (!img) return;
  if (img->svg) g_object_unref(img->svg);
  if (img->png) cairo_surface_destroy(img->png);
  free(img);
}
