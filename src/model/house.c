/* house.c - built-in style defaults and colour contrast. */
#include "house.h"
#include <math.h>
#include <string.h>

const char *const window_side_names[WINDOW_COUNT] = { "left", "right" };

static struct colour rgb(unsigned hex)
{
  struct colour c = { ((hex >> 16) & 0xFF) / 255.0, ((hex >> 8) & 0xFF) / 255.0,
                      (hex & 0xFF) / 255.0, { 0 } };
  return c;
}

void house_style_defaults(struct house_style *s)
{
  memset(s, 0, sizeof *s);
  s->logo_width_mm = 40;
  s->body_pt = 11.5;
  s->window = WINDOW_LEFT;
  s->max_pages = 10;
  s->primary = rgb(0x2B2B2B);
  s->on_primary = rgb(0xFFFFFF);
  s->accent = rgb(0x2B2B2B);
  s->text = rgb(0x1A1A1E);
  s->muted = rgb(0x5C5D63);
  s->light = rgb(0xF0F0F2);
  s->warning = rgb(0xB34700);
  s->warning_light = rgb(0xFDEEDF);
  s->success = rgb(0x2E7D32);
  s->success_light = rgb(0xE6F2E6);
}

/* WCAG 2.1 relative luminance of an sRGB colour. */
static double luminance(const struct colour *c)
{
  double v[3] = { c->r, c->g, c->b };
  for (int i = 0; i < 3; i++)
    v[i] = v[i] <= 0.04045 ? v[i] / 12.92 : pow((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

double colour_contrast(const struct colour *a, const struct colour *b)
{
  double la = luminance(a), lb = luminance(b);
  return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}
