/* render_pdf.c - letter model -> A4 PDF with pango and cairo.
 *
 * The only file that sees cairo and pango. A plain, correct letter: DIN
 * 5008 type B page 1 (address window at 20 mm x 45 mm, fold marks), the
 * subject as heading, the key message in a colour block, every content
 * block in order, closing and signature, "Pagina X van Y" on every page.
 *
 * Layout runs twice: a first pass on a PDF surface that discards its
 * bytes counts the pages (for "van Y"), the second draws. Blocks measure
 * themselves by drawing with draw == false, so measuring and drawing can
 * never disagree. Paragraphs and lists split between lines, keeping at
 * least two lines on either side of a page break; other blocks are kept
 * whole. Cairo objects carry their own error state, so the surface status
 * is checked once, after cairo_surface_finish(). */
#include "render.h"
#include "../base/util.h"
#include "../model/letter.h"
#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MM (72.0 / 25.4)
#define PAGE_W (210 * MM)
#define PAGE_H (297 * MM)
#define LEFT (25 * MM)
#define RIGHT (190 * MM)
#define WIDTH (RIGHT - LEFT)
#define TOP (20 * MM)
#define BOTTOM (272 * MM)
#define BODY_TOP_P1 (98.5 * MM)   /* DIN 5008 B: first line below the window */

#define FONT "Open Sans"
#define BODY_PT 11.0
#define LINE_SPACING 1.4
/* Open Sans's natural line height is 1.36 em; pango multiplies it, so
 * this factor gives the 1.4 em leading that readers with low literacy
 * need (pango's own 1.4 would give 1.9 em). */
#define LINE_FACTOR (LINE_SPACING / 1.362)

struct rgb { double r, g, b; };
static const struct rgb INK = { 0.10, 0.10, 0.12 };
static const struct rgb BRAND = { 0.0, 0x58 / 255.0, 0x7C / 255.0 };
static const struct rgb BRAND_TINT = { 0.90, 0.94, 0.96 };
static const struct rgb GREY = { 0.38, 0.38, 0.40 };

struct pen {
  cairo_t               *cr;
  PangoContext          *pctx;     /* at 72 dpi: 1 pt of type = 1 unit */
  const struct letter   *l;
  const struct render_opts *o;
  bool                   draw;     /* false: only measure */
  double                 y;        /* next free position on the page */
  int                    page;     /* 1-based */
  int                    pages;    /* total, known in the drawing pass */
  bool                   salutation_done;
};

/* ---- fonts and text -------------------------------------------------------- */

void render_init(const char *datadir)
{
  if (getenv("FONTCONFIG_FILE")) return;
  /* fontconfig resolves a relative FONTCONFIG_FILE against its own
   * config directory, so the path must be absolute. */
  char *dir = g_canonicalize_filename(datadir, NULL);
  char *conf = g_build_filename(dir, "fonts", "fonts.conf", NULL);
  g_free(dir);
  if (access(conf, R_OK) == 0) setenv("FONTCONFIG_FILE", conf, 1);
  g_free(conf);
}

/* Escapes text for pango markup and turns **bold** into <b>bold</b>;
 * an unpaired ** stays as it is. Caller frees. */
static char *markup(const char *text)
{
  /* Folded and literal YAML values end in a newline: it is not a line. */
  char *s = g_strchomp(g_strdup(text));
  GString *out = g_string_new(NULL);
  const char *p = s;
  while (*p) {
    const char *open = strstr(p, "**");
    const char *close = open ? strstr(open + 2, "**") : NULL;
    const char *stop = close ? open : p + strlen(p);
    char *esc = g_markup_escape_text(p, (gssize)(stop - p));
    g_string_append(out, esc);
    g_free(esc);
    if (!close) break;
    esc = g_markup_escape_text(open + 2, (gssize)(close - open - 2));
    g_string_append_printf(out, "<b>%s</b>", esc);
    g_free(esc);
    p = close + 2;
  }
  g_free(s);
  return g_string_free(out, FALSE);
}

static PangoLayout *layout_new(struct pen *p, const char *text, double pt, bool bold,
                               double width, PangoAlignment align)
{
  PangoLayout *lay = pango_layout_new(p->pctx);
  PangoFontDescription *fd = pango_font_description_from_string(FONT);
  pango_font_description_set_size(fd, (gint)(pt * PANGO_SCALE));
  pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(lay, fd);
  pango_font_description_free(fd);
  pango_layout_set_width(lay, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(lay, align);
  pango_layout_set_line_spacing(lay, pt >= BODY_PT - 2 ? (float)LINE_FACTOR : 1.0f);
  char *m = markup(text ? text : "");
  pango_layout_set_markup(lay, m, -1);
  g_free(m);
  return lay;
}

static double layout_h(PangoLayout *lay)
{
  int w, h;
  pango_layout_get_size(lay, &w, &h);
  return (double)h / PANGO_SCALE;
}

static void set_rgb(cairo_t *cr, struct rgb c)
{
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* Draws (or measures) TEXT at x, y; returns its height. */
static double text_at(struct pen *p, const char *text, double pt, bool bold, struct rgb c,
                      double x, double y, double width, PangoAlignment align)
{
  PangoLayout *lay = layout_new(p, text, pt, bold, width, align);
  double h = layout_h(lay);
  if (p->draw) {
    cairo_move_to(p->cr, x, y);
    set_rgb(p->cr, c);
    pango_cairo_show_layout(p->cr, lay);
  }
  g_object_unref(lay);
  return h;
}

static const char *str(const struct text *t) { return t->s ? t->s : ""; }

/* ---- pages ------------------------------------------------------------------- */

static void draw_footer(struct pen *p)
{
  if (!p->draw) return;
  char buf[64];
  snprintf(buf, sizeof buf, "Pagina %d van %d", p->page, p->pages);
  text_at(p, buf, 8.5, false, GREY, LEFT, 280 * MM, WIDTH, PANGO_ALIGN_RIGHT);
}

static void draw_running_header(struct pen *p)
{
  const struct letter *l = p->l;
  char *h = l->reference.s
    ? g_strdup_printf("%s  ·  kenmerk %s", str(&l->subject), l->reference.s)
    : g_strdup(str(&l->subject));
  text_at(p, h, 8.5, false, GREY, LEFT, 12 * MM, WIDTH, PANGO_ALIGN_LEFT);
  g_free(h);
}

static void new_page(struct pen *p)
{
  draw_footer(p);
  cairo_show_page(p->cr);
  p->page++;
  p->y = TOP + 6 * MM;
  draw_running_header(p);
}

/* Makes room for H points, starting a new page when needed. */
static void need(struct pen *p, double h)
{
  if (p->y + h > BOTTOM && p->y > TOP + 6 * MM + 1) new_page(p);
}

/* ---- page 1: letterhead, window, reference block ------------------------------ */

void render_format_date(const struct letter *l, long long epoch, char *buf, size_t size)
{
  static const char *const months[] = { "januari", "februari", "maart", "april", "mei",
    "juni", "juli", "augustus", "september", "oktober", "november", "december" };
  int y = l->year, m = l->month, d = l->day;
  if (!y) {
    time_t t = (time_t)epoch;
    struct tm tm;
    gmtime_r(&t, &tm);
    y = tm.tm_year + 1900; m = tm.tm_mon + 1; d = tm.tm_mday;
  }
  snprintf(buf, size, "%d %s %d", d, months[m - 1], y);
}

static void draw_letterhead(struct pen *p)
{
  const struct sender *s = &p->l->sender;
  double x = 125 * MM, w = RIGHT - x, y = 15 * MM;
  const char *org = s->organisation.s ? s->organisation.s : "";
  y += text_at(p, org, 11, true, BRAND, x, y, w, PANGO_ALIGN_LEFT);
  GString *g = g_string_new(NULL);
  if (s->team.s) g_string_append_printf(g, "%s\n", s->team.s);
  for (size_t i = 0; i < s->address.n; i++) g_string_append_printf(g, "%s\n", s->address.items[i].s);
  if (s->phone.s) g_string_append_printf(g, "T %s\n", s->phone.s);
  if (s->website.s) g_string_append_printf(g, "%s\n", s->website.s);
  if (g->len) g_string_truncate(g, g->len - 1);
  text_at(p, g->str, 8.5, false, GREY, x, y + 1, w, PANGO_ALIGN_LEFT);
  g_string_free(g, TRUE);
}

static void draw_window(struct pen *p)
{
  const struct letter *l = p->l;
  const struct recipient *r = &l->recipient;
  double x = 20 * MM + 5 * MM, w = 80 * MM, y = 45 * MM + 2 * MM;
  /* The return line sits at the top of the window, small. */
  if (l->sender.address.n) {
    GString *g = g_string_new("Retouradres ");
    for (size_t i = 0; i < l->sender.address.n; i++)
      g_string_append_printf(g, "%s%s", i ? ", " : "", l->sender.address.items[i].s);
    text_at(p, g->str, 7, false, GREY, x, y, w, PANGO_ALIGN_LEFT);
    g_string_free(g, TRUE);
  }
  if (l->urgency.s) text_at(p, l->urgency.s, 8, true, INK, x, y + 5 * MM, w, PANGO_ALIGN_LEFT);
  GString *g = g_string_new(NULL);
  g_string_append_printf(g, "%s\n", str(&r->name));
  for (size_t i = 0; i < r->address.n; i++) g_string_append_printf(g, "%s\n", r->address.items[i].s);
  char *city = g_utf8_strup(str(&r->city), -1);
  g_string_append_printf(g, "%s  %s", str(&r->postcode), city);
  if (r->country.s) {
    char *c = g_utf8_strup(r->country.s, -1);
    g_string_append_printf(g, "\n%s", c);
    g_free(c);
  }
  g_free(city);
  text_at(p, g->str, 10, false, INK, x, 45 * MM + 17.7 * MM, w, PANGO_ALIGN_LEFT);
  g_string_free(g, TRUE);
}

static void draw_reference(struct pen *p)
{
  const struct letter *l = p->l;
  double x = 125 * MM, y = 66 * MM;
  char date[64];
  render_format_date(l, p->o->epoch, date, sizeof date);
  const char *labels[3] = { "Datum", "Ons kenmerk", "Uw kenmerk" };
  const char *values[3] = { date, l->reference.s, l->your_reference.s };
  for (int i = 0; i < 3; i++) {
    if (!values[i]) continue;
    text_at(p, labels[i], 8.5, false, GREY, x, y, 25 * MM, PANGO_ALIGN_LEFT);
    y += text_at(p, values[i], 8.5, true, INK, x + 25 * MM, y, RIGHT - x - 25 * MM,
                 PANGO_ALIGN_LEFT) + 1.5;
  }
}

static void draw_fold_marks(struct pen *p)
{
  if (!p->draw) return;
  cairo_t *cr = p->cr;
  cairo_new_path(cr);
  set_rgb(cr, GREY);
  cairo_set_line_width(cr, 0.5);
  const double ys[3] = { 105 * MM, 148.5 * MM, 210 * MM };
  const double len[3] = { 5 * MM, 8 * MM, 5 * MM };
  for (int i = 0; i < 3; i++) {
    cairo_move_to(cr, 4 * MM, ys[i]);
    cairo_line_to(cr, 4 * MM + len[i], ys[i]);
  }
  cairo_stroke(cr);
}

/* ---- blocks --------------------------------------------------------------------- */

static double gap(double pt) { return pt; }

/* A paragraph flows over pages line by line, keeping two lines together at
 * each side of a break (no widows or orphans). */
static void flow_text(struct pen *p, const char *text, double pt, bool bold, double x, double w)
{
  PangoLayout *lay = layout_new(p, text, pt, bold, w, PANGO_ALIGN_LEFT);
  int n = pango_layout_get_line_count(lay);
  PangoLayoutIter *it = pango_layout_get_iter(lay);
  double base_y = p->y, shift = 0;     /* layout y -> page y */
  int i = 0;
  do {
    PangoRectangle ink, logical;
    pango_layout_iter_get_line_extents(it, &ink, &logical);
    double top = (double)logical.y / PANGO_SCALE, h = (double)logical.height / PANGO_SCALE;
    double line_y = base_y + top - shift;
    /* Break before this line if it (or, for the last-but-one, the pair)
     * would not fit; never leave a single line behind or ahead. */
    double need_h = h * ((i == 0 || i == n - 2) && n > 1 ? 2 : 1);
    if (line_y + need_h > BOTTOM && i > 0 && i != n - 1) {
      new_page(p);
      shift = base_y + top - p->y;
      line_y = p->y;
    } else if (line_y + need_h > BOTTOM && i == 0) {
      new_page(p);
      base_y = p->y;
      line_y = p->y;
    }
    if (p->draw) {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
      int baseline = pango_layout_iter_get_baseline(it);
      cairo_move_to(p->cr, x, line_y + ((double)baseline / PANGO_SCALE - top));
      set_rgb(p->cr, INK);
      pango_cairo_show_layout_line(p->cr, line);
    }
    p->y = line_y + h;
    i++;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  g_object_unref(lay);
}

/* A paragraph text may hold several paragraphs. YAML turns a blank line
 * into one newline in every style but literal (`|`), where a single
 * newline is a line break and a blank line separates paragraphs. A short
 * paragraph that ends in ':' introduces what follows: keep them together. */
static void block_paragraph(struct pen *p, const struct text *t)
{
  char **paras = g_regex_split_simple(t->literal ? "\\n[ \\t]*\\n" : "\\n", t->s, 0, 0);
  for (char **q = paras; *q; q++) {
    char *s = g_strstrip(*q);
    if (!*s) continue;
    size_t n = strlen(s);
    if (s[n - 1] == ':' && !q[1]) {
      bool d = p->draw;
      p->draw = false;
      double h = text_at(p, s, BODY_PT, false, INK, LEFT, 0, WIDTH, PANGO_ALIGN_LEFT);
      p->draw = d;
      need(p, h + 3 * BODY_PT * LINE_SPACING);
    }
    flow_text(p, s, BODY_PT, false, LEFT, WIDTH);
    p->y += gap(8);
  }
  g_strfreev(paras);
}

static double heading_h(struct pen *p, const char *text)
{
  bool d = p->draw;
  p->draw = false;
  double h = text_at(p, text, 13, true, BRAND, LEFT, 0, WIDTH, PANGO_ALIGN_LEFT);
  p->draw = d;
  return h;
}

static void block_heading(struct pen *p, const char *text)
{
  double h = heading_h(p, text);
  /* Keep a heading with at least two lines of what follows. */
  need(p, 6 + h + 2 * BODY_PT * LINE_SPACING * 1.3);
  p->y += 6;
  p->y += text_at(p, text, 13, true, BRAND, LEFT, p->y, WIDTH, PANGO_ALIGN_LEFT) + 4;
}

static void block_list(struct pen *p, const struct textlist *tl, bool numbered)
{
  for (size_t i = 0; i < tl->n; i++) {
    char mark[24];
    if (numbered) snprintf(mark, sizeof mark, "%zu.", i + 1);
    else snprintf(mark, sizeof mark, "•");
    bool d = p->draw;
    p->draw = false;
    double h = text_at(p, tl->items[i].s, BODY_PT, false, INK, LEFT + 7 * MM, 0,
                       WIDTH - 7 * MM, PANGO_ALIGN_LEFT);
    p->draw = d;
    need(p, h > 3 * BODY_PT * LINE_SPACING ? 2 * BODY_PT * LINE_SPACING * 1.3 : h);
    text_at(p, mark, BODY_PT, numbered, BRAND, LEFT + 1.5 * MM, p->y, 6 * MM, PANGO_ALIGN_LEFT);
    flow_text(p, tl->items[i].s, BODY_PT, false, LEFT + 7 * MM, WIDTH - 7 * MM);
    p->y += 2;
  }
  p->y += gap(6);
}

/* Draws a framed box around content drawn by FN; measures first so the
 * box is kept whole on one page. */
typedef double (*box_fn)(struct pen *p, const struct block *b, double x, double y, double w);

static void boxed(struct pen *p, const struct block *b, box_fn fn, struct rgb fill,
                  struct rgb accent, bool frame)
{
  double pad = 4 * MM, x = LEFT + pad + (frame ? 0 : 1.5 * MM), w = WIDTH - 2 * pad - (frame ? 0 : 1.5 * MM);
  bool d = p->draw;
  p->draw = false;
  double h = fn(p, b, x, 0, w) + 2 * pad;
  p->draw = d;
  need(p, h);
  if (p->draw) {
    cairo_t *cr = p->cr;
    cairo_rectangle(cr, LEFT, p->y, WIDTH, h);
    set_rgb(cr, fill);
    cairo_fill(cr);
    if (frame) {
      cairo_rectangle(cr, LEFT + 0.5, p->y + 0.5, WIDTH - 1, h - 1);
      set_rgb(cr, accent);
      cairo_set_line_width(cr, 1);
      cairo_stroke(cr);
    } else {
      cairo_rectangle(cr, LEFT, p->y, 1.5 * MM, h);
      set_rgb(cr, accent);
      cairo_fill(cr);
    }
  }
  fn(p, b, x, p->y + pad, w);
  p->y += h + gap(10);
}

static double key_message(struct pen *p, const struct block *b, double x, double y, double w)
{
  (void)b;
  double h = text_at(p, str(&p->l->key_title), 13, true, INK, x, y, w, PANGO_ALIGN_LEFT);
  if (p->l->key_text.s)
    h += 3 + text_at(p, p->l->key_text.s, BODY_PT, false, INK, x, y + h + 3, w, PANGO_ALIGN_LEFT);
  return h;
}

static double callout(struct pen *p, const struct block *b, double x, double y, double w)
{
  double h = 0;
  if (b->as.callout.title.s)
    h += text_at(p, b->as.callout.title.s, BODY_PT + 0.5, true, INK, x, y, w, PANGO_ALIGN_LEFT) + 3;
  h += text_at(p, str(&b->as.callout.text), BODY_PT, false, INK, x, y + h, w, PANGO_ALIGN_LEFT);
  return h;
}

static struct rgb callout_fill(enum callout_style s)
{
  switch (s) {
  case CALLOUT_WARNING: return (struct rgb){ 0.99, 0.92, 0.85 };
  case CALLOUT_IMPORTANT: return BRAND_TINT;
  case CALLOUT_AMOUNT: return (struct rgb){ 1, 1, 1 };
  case CALLOUT_SUCCESS: return (struct rgb){ 0.89, 0.95, 0.89 };
  default: return (struct rgb){ 0.94, 0.95, 0.97 };
  }
}

static struct rgb callout_accent(enum callout_style s)
{
  switch (s) {
  case CALLOUT_WARNING: return (struct rgb){ 0.88, 0.44, 0.0 };
  case CALLOUT_SUCCESS: return (struct rgb){ 0.16, 0.50, 0.22 };
  case CALLOUT_AMOUNT: return INK;
  default: return BRAND;
  }
}

static double action_items(struct pen *p, const struct block *b, double x, double y, double w)
{
  double h = text_at(p, b->as.action.title.s ? b->as.action.title.s : "Wat moet u doen?",
                     13, true, BRAND, x, y, w, PANGO_ALIGN_LEFT) + 5;
  for (size_t i = 0; i < b->as.action.n; i++) {
    const struct action_item *a = &b->as.action.items[i];
    double ind = 9 * MM, top = y + h;
    if (p->draw) {           /* the step number in a circle */
      cairo_new_path(p->cr);
      cairo_arc(p->cr, x + 3.2 * MM, top + 3.4 * MM, 3.2 * MM, 0, 2 * G_PI);
      set_rgb(p->cr, BRAND);
      cairo_fill(p->cr);
    }
    char num[24];
    snprintf(num, sizeof num, "%zu", i + 1);
    text_at(p, num, 10, true, (struct rgb){ 1, 1, 1 }, x, top + 0.6 * MM, 6.4 * MM, PANGO_ALIGN_CENTER);
    double ih = text_at(p, str(&a->what), BODY_PT, true, INK, x + ind, top, w - ind, PANGO_ALIGN_LEFT);
    if (a->detail.s)
      ih += text_at(p, a->detail.s, BODY_PT, false, INK, x + ind, top + ih, w - ind, PANGO_ALIGN_LEFT);
    const char *labels[2] = { "Wanneer: ", "Waar: " };
    const struct text *vals[2] = { &a->when, &a->where };
    for (int k = 0; k < 2; k++) {
      if (!vals[k]->s) continue;
      char *line = g_strdup_printf("**%s**%s", labels[k], vals[k]->s);
      ih += text_at(p, line, BODY_PT, false, INK, x + ind, top + ih, w - ind, PANGO_ALIGN_LEFT);
      g_free(line);
    }
    if (a->bring.n) {
      GString *g = g_string_new("**Neem mee:** ");
      for (size_t k = 0; k < a->bring.n; k++)
        g_string_append_printf(g, "%s%s", k ? ", " : "", a->bring.items[k].s);
      ih += text_at(p, g->str, BODY_PT, false, INK, x + ind, top + ih, w - ind, PANGO_ALIGN_LEFT);
      g_string_free(g, TRUE);
    }
    h += (ih > 7 * MM ? ih : 7 * MM) + 4;
  }
  return h - 4;
}

static double timeline(struct pen *p, const struct block *b, double x, double y, double w)
{
  double h = text_at(p, b->as.timeline.title.s ? b->as.timeline.title.s : "Zo gaat het verder",
                     13, true, BRAND, x, y, w, PANGO_ALIGN_LEFT) + 5;
  double ind = 9 * MM, prev_cy = 0;
  for (size_t i = 0; i < b->as.timeline.n; i++) {
    const struct step *s = &b->as.timeline.steps[i];
    bool now = b->as.timeline.current == i + 1;
    double top = y + h, cy = top + 2.6 * MM;
    if (p->draw) {
      cairo_t *cr = p->cr;
      cairo_new_path(cr);
      if (i > 0) {                         /* the line joining the steps */
        cairo_move_to(cr, x + 2.6 * MM, prev_cy + 2.6 * MM);
        cairo_line_to(cr, x + 2.6 * MM, cy - 2.6 * MM);
        set_rgb(cr, BRAND);
        cairo_set_line_width(cr, 1.2);
        cairo_stroke(cr);
      }
      cairo_new_path(cr);
      cairo_arc(cr, x + 2.6 * MM, cy, 2.2 * MM, 0, 2 * G_PI);
      set_rgb(cr, now ? BRAND : (struct rgb){ 1, 1, 1 });
      cairo_fill_preserve(cr);
      set_rgb(cr, BRAND);
      cairo_set_line_width(cr, 1.2);
      cairo_stroke(cr);
    }
    char *t = now ? g_strdup_printf("%s  (u bent hier)", str(&s->title)) : g_strdup(str(&s->title));
    double sh = text_at(p, t, BODY_PT, true, INK, x + ind, top, w - ind, PANGO_ALIGN_LEFT);
    g_free(t);
    if (s->date.s) sh += text_at(p, s->date.s, BODY_PT, false, GREY, x + ind, top + sh, w - ind, PANGO_ALIGN_LEFT);
    if (s->text.s) sh += text_at(p, s->text.s, BODY_PT, false, INK, x + ind, top + sh, w - ind, PANGO_ALIGN_LEFT);
    h += sh + 4;
    prev_cy = cy;
  }
  return h - 4;
}

static double table(struct pen *p, const struct block *b, double x, double y, double w)
{
  const struct textlist *cols = &b->as.table.columns;
  size_t nc = cols->n;
  double h = 0;
  if (b->as.table.title.s)
    h += text_at(p, b->as.table.title.s, BODY_PT + 0.5, true, INK, x, y, w, PANGO_ALIGN_LEFT) + 4;
  /* The first column takes the slack; the others share what is left. */
  double cw = nc > 1 ? w * 0.5 / (double)(nc - 1) : w, first = nc > 1 ? w * 0.5 : w;
  for (size_t r = 0; r <= b->as.table.nrows; r++) {
    const struct textlist *row = r == 0 ? cols : &b->as.table.rows[r - 1];
    double rh = 0, cx = x;
    for (size_t c = 0; c < nc; c++) {
      double wc = c == 0 ? first : cw;
      PangoAlignment al = b->as.table.align[c] == ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                        : b->as.table.align[c] == ALIGN_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
      double ch = text_at(p, str(&row->items[c]), BODY_PT, r == 0, INK, cx + 2, y + h + 3, wc - 4, al);
      if (ch > rh) rh = ch;
      cx += wc;
    }
    h += rh + 6;
    if (p->draw) {
      cairo_new_path(p->cr);
      cairo_move_to(p->cr, x, y + h);
      cairo_line_to(p->cr, x + w, y + h);
      set_rgb(p->cr, r == 0 ? INK : (struct rgb){ 0.75, 0.75, 0.78 });
      cairo_set_line_width(p->cr, r == 0 ? 1 : 0.5);
      cairo_stroke(p->cr);
    }
  }
  return h;
}

static double contact(struct pen *p, const struct block *b, double x, double y, double w)
{
  const struct text *t = &b->as.contact.title;
  double h = text_at(p, t->s ? t->s : "Heeft u vragen?", 13, true, BRAND, x, y, w, PANGO_ALIGN_LEFT) + 4;
  GString *g = g_string_new(NULL);
  if (b->as.contact.phone.s) {
    g_string_append_printf(g, "**Bel ons:** %s", b->as.contact.phone.s);
    if (b->as.contact.hours.s) g_string_append_printf(g, ". %s", b->as.contact.hours.s);
    g_string_append_c(g, '\n');
  }
  if (b->as.contact.website.s) g_string_append_printf(g, "**Kijk op internet:** %s\n", b->as.contact.website.s);
  if (b->as.contact.email.s) g_string_append_printf(g, "**Mail ons:** %s\n", b->as.contact.email.s);
  if (b->as.contact.post.n) {
    g_string_append(g, "**Schrijf ons:** ");
    for (size_t i = 0; i < b->as.contact.post.n; i++)
      g_string_append_printf(g, "%s%s", i ? ", " : "", b->as.contact.post.items[i].s);
    g_string_append_c(g, '\n');
  }
  if (b->as.contact.text.s) g_string_append_printf(g, "%s\n", b->as.contact.text.s);
  if (g->len) g_string_truncate(g, g->len - 1);
  h += text_at(p, g->str, BODY_PT, false, INK, x, y + h, w, PANGO_ALIGN_LEFT);
  g_string_free(g, TRUE);
  return h;
}

static void salutation(struct pen *p)
{
  if (p->salutation_done) return;
  p->salutation_done = true;
  const char *s = str(&p->l->recipient.salutation);
  size_t n = strlen(s);
  char *t = g_strdup_printf("%s%s", s, n && s[n - 1] == ',' ? "" : ",");
  /* Never leave the salutation alone at the foot of a page. */
  need(p, 4 * BODY_PT * LINE_SPACING);
  flow_text(p, t, BODY_PT, false, LEFT, WIDTH);
  g_free(t);
  p->y += gap(8);
}

static void render_block(struct pen *p, const struct block *b)
{
  switch (b->type) {
  case BLOCK_PARAGRAPH:
    salutation(p);     /* the salutation opens the prose */
    block_paragraph(p, &b->as.text);
    break;
  case BLOCK_HEADING: block_heading(p, b->as.text.s); break;
  case BLOCK_LIST: block_list(p, &b->as.list, false); break;
  case BLOCK_NUMBERED_LIST: block_list(p, &b->as.list, true); break;
  case BLOCK_CALLOUT:
    boxed(p, b, callout, callout_fill(b->as.callout.style), callout_accent(b->as.callout.style),
          b->as.callout.style == CALLOUT_AMOUNT);
    break;
  case BLOCK_ACTION: boxed(p, b, action_items, (struct rgb){ 0.97, 0.97, 0.98 }, BRAND, false); break;
  case BLOCK_TIMELINE: boxed(p, b, timeline, (struct rgb){ 1, 1, 1 }, BRAND, true); break;
  case BLOCK_TABLE: boxed(p, b, table, (struct rgb){ 1, 1, 1 }, (struct rgb){ 1, 1, 1 }, false); break;
  case BLOCK_CONTACT: boxed(p, b, contact, BRAND_TINT, BRAND, false); break;
  case BLOCK_STANDARD:
    for (size_t i = 0; i < b->nsub; i++) render_block(p, &b->sub[i]);
    break;
  case BLOCK_COUNT: break;
  }
}

static void closing(struct pen *p)
{
  const struct letter *l = p->l;
  salutation(p);
  const char *name = l->signature_name.s ? l->signature_name.s : str(&l->sender.name);
  const char *role = l->signature_role.s ? l->signature_role.s : str(&l->sender.role);
  GString *g = g_string_new(NULL);
  g_string_append_printf(g, "%s\n\n**%s**\n%s", l->closing.s ? l->closing.s : "Met vriendelijke groet,",
                         name, role);
  if (l->sender.team.s || l->sender.organisation.s)
    g_string_append_printf(g, "\n%s%s%s", str(&l->sender.team),
                           l->sender.team.s && l->sender.organisation.s ? ", " : "",
                           str(&l->sender.organisation));
  bool d = p->draw;
  p->draw = false;
  double h = text_at(p, g->str, BODY_PT, false, INK, LEFT, 0, WIDTH, PANGO_ALIGN_LEFT);
  p->draw = d;
  need(p, h);
  p->y += text_at(p, g->str, BODY_PT, false, INK, LEFT, p->y, WIDTH, PANGO_ALIGN_LEFT);
  g_string_free(g, TRUE);
}

/* One full layout pass; returns the number of pages. */
static int layout_letter(struct pen *p)
{
  const struct letter *l = p->l;
  p->page = 1;
  p->salutation_done = false;
  draw_fold_marks(p);
  draw_letterhead(p);
  draw_window(p);
  draw_reference(p);
  p->y = BODY_TOP_P1;
  p->y += text_at(p, str(&l->subject), 15, true, BRAND, LEFT, p->y, WIDTH, PANGO_ALIGN_LEFT) + 10;
  boxed(p, NULL, key_message, BRAND_TINT, BRAND, false);
  for (size_t i = 0; i < l->nblocks; i++) render_block(p, &l->blocks[i]);
  p->y += 6;
  closing(p);
  draw_footer(p);
  cairo_show_page(p->cr);
  return p->page;
}

/* ---- output --------------------------------------------------------------------- */

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int len)
{
  (void)closure; (void)data; (void)len;
  return CAIRO_STATUS_SUCCESS;
}

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

static void set_metadata(cairo_surface_t *s, const struct letter *l, long long epoch)
{
  char date[32];
  if (l->year)
    snprintf(date, sizeof date, "%04d-%02d-%02dT00:00:00", l->year, l->month, l->day);
  else {
    time_t t = (time_t)epoch;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
  }
  /* A fixed date instead of "now" keeps the output byte-for-byte the same. */
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, str(&l->subject));
  if (l->sender.organisation.s)
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, l->sender.organisation.s);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "beeldbrief");
}

static int run_pass(const struct letter *l, const struct render_opts *o, int pages,
                    cairo_write_func_t fn, void *closure, int *out_pages, cairo_status_t *st)
{
  cairo_surface_t *s = cairo_pdf_surface_create_for_stream(fn, closure, PAGE_W, PAGE_H);
  cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
  set_metadata(s, l, o->epoch);
  cairo_t *cr = cairo_create(s);
  /* pango-cairo assumes 96 dpi; PDF user space is in points. */
  PangoContext *pctx = pango_cairo_create_context(cr);
  pango_cairo_context_set_resolution(pctx, 72);
  cairo_font_options_t *fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(pctx, fo);
  cairo_font_options_destroy(fo);
  struct pen p = { .cr = cr, .pctx = pctx, .l = l, .o = o, .draw = pages > 0, .pages = pages };
  *out_pages = layout_letter(&p);
  g_object_unref(pctx);
  cairo_destroy(cr);
  cairo_surface_finish(s);
  *st = cairo_surface_status(s);
  cairo_surface_destroy(s);
  return *st == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

enum render_result render_pdf(struct unit *u, const struct letter *l, const struct render_opts *o,
               const char *out_path)
{
  unsigned max = o->max_pages ? o->max_pages : 10;
  int pages = 0, drawn = 0;
  cairo_status_t st;
  if (run_pass(l, o, 0, discard, NULL, &pages, &st) != 0) {
    diag_file(&u->diags, DIAG_ERROR, "render.pdf", out_path, "cannot lay out the letter: %s",
              cairo_status_to_string(st));
    return RENDER_IO;
  }
  if ((unsigned)pages > max) {
    diag_text(&u->diags, DIAG_ERROR, "render.pages", &l->subject, 0, 0, NULL,
              "the letter needs %d pages; the limit is %u", pages, max);
    return RENDER_FINDINGS;
  }
  struct outfile of;
  if (outfile_open(&of, out_path) != 0) {
    diag_file(&u->diags, DIAG_ERROR, "io.write", out_path, "cannot write the PDF: %s",
              strerror(errno));
    return RENDER_IO;
  }
  if (run_pass(l, o, pages, write_fd, &of.fd, &drawn, &st) != 0) {
    outfile_abort(&of);
    diag_file(&u->diags, DIAG_ERROR, "io.write", out_path, "cannot write the PDF: %s",
              cairo_status_to_string(st));
    return RENDER_IO;
  }
  if (outfile_commit(&of) != 0) {
    diag_file(&u->diags, DIAG_ERROR, "io.write", out_path, "cannot write the PDF: %s",
              strerror(errno));
    return RENDER_IO;
  }
  return RENDER_OK;
}
