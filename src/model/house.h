/* house.h - an organisation's house style: what a letter looks like.
 *
 * Loaded from a YAML file by spec/ (spec_load_house_style) and read by
 * the renderer. Nothing about any one organisation is hard-wired in the
 * code: name, logo, colours, font, return address and footer all come
 * from here. Every value keeps its source position, so the renderer can
 * point at the colour that fails a contrast check. */
#ifndef BB_HOUSE_H
#define BB_HOUSE_H
#include "../base/text.h"
#include "letter.h"
#include <stdbool.h>

struct colour {
  double      r, g, b;     /* 0..1 */
  struct text src;         /* "#00587C" as written; absent for defaults */
};

enum window_side { WINDOW_LEFT, WINDOW_RIGHT, WINDOW_COUNT };
extern const char *const window_side_names[WINDOW_COUNT];

struct house_style {
  const struct srcfile *file;      /* NULL for the built-in defaults */
  const char      *dir;            /* directory of the file: logo paths are relative */
  struct text      organisation;   /* "Werk & Inkomen Nederland" */
  struct text      logo;           /* SVG or PNG path, relative to dir */
  double           logo_width_mm;  /* width on the page */
  struct textlist  letterhead;     /* lines under the name, top right */
  struct textlist  return_address; /* one line in small type atop the window */
  struct text      footer;         /* small line at the foot of every page */
  struct text      font;           /* family, e.g. "Open Sans" */
  double           body_pt;        /* body size, 11 to 12 */
  enum window_side window;         /* DIN 5008 B left window, or right */
  unsigned         max_pages;
  bool             allow_personal_phone; /* staff may give their own number */
  /* Colours. Text colours must reach WCAG AA (4.5:1) on the backgrounds
   * they are used on; the renderer checks. */
  struct colour    primary;        /* headings, the key message block */
  struct colour    on_primary;     /* text on the primary colour */
  struct colour    accent;         /* graphics only: the current step */
  struct colour    text;           /* body text */
  struct colour    muted;          /* labels, dates, small print */
  struct colour    light;          /* pale background of blocks */
  struct colour    warning;        /* frame of warning callouts */
  struct colour    warning_light;  /* background of warning callouts */
  struct colour    success;        /* frame of success callouts */
  struct colour    success_light;
};

/* Fills S with the built-in neutral style (black and grey, no logo), the
 * base every house style file overrides. */
void house_style_defaults(struct house_style *s);

/* WCAG 2.x contrast ratio of two colours, 1 to 21. */
double colour_contrast(const struct colour *a, const struct colour *b);

#endif
