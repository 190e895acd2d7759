/* layout.c - a letter and a house style in, pages of boxes out.
 *
 * Page 1 follows DIN 5008 type B: letterhead at the top, the address
 * window at 20 mm x 45 mm (85 x 45 mm; or a right-window profile), the
 * reference block beside it, fold marks at 105 and 210 mm, and the
 * subject at 98.5 mm. Then the key message in a colour block, the content
 * blocks, closing and signature. Later pages get a small running header;
 * every page gets "Pagina X van Y".
 *
 * Flow rules: paragraphs and lists break between lines, keeping at least
 * two lines on either side of a break; headings stay with what follows;
 * every other block is kept whole (laid out into a scratch group first,
 * then placed on this page or the next). Everything is measured with the
 * same pango context that paints, so layout and output agree. */
#include "render_int.h"
#include "../base/util.h"
#include "../base/xalloc.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define LEFT (25 * MM)
#define RIGHT (190 * MM)
#define WIDTH (RIGHT - LEFT)
#define BODY_TOP_P1 (98.5 * MM)
#define BODY_TOP (24 * MM)
#define BODY_BOTTOM (274 * MM)
#define PAD (4.5 * MM)
#define RADIUS (2 * MM)
#define LINE_SPACING 1.4

struct flow {
  struct unit              *u;
  const struct letter      *l;
  const struct house_style *hs;
  PangoContext             *pctx;
  struct doc               *d;
  struct page              *out;       /* the current page, or the scratch group */
  struct page               scratch;
  bool                      grouping;
  bool                      measuring; /* dry run: groups only add up heights */
  size_t                    page;
  double                    y;
  double                    top;
  bool                      salutation_done;
  long long                 epoch;     /* date when the spec has none */
  const char               *font;
  double                    body;      /* body size in points */
  double                    factor;    /* pango line-spacing factor for 1.4 em */
  struct rgb primary, on_primary, accent, text, muted, light, white;
  int                       errors;
};

static struct rgb rgb_of(const struct colour *c) { return (struct rgb){ c->r, c->g, c->b }; }
static const char *str(const struct text *t) { return t->s ? t->s : ""; }

/* The words beeldbrief itself puts on the page, in the letter's language
 * (`language: en`; Dutch otherwise). */
enum label {
  L_DATE, L_OUR_REF, L_YOUR_REF, L_WHEN, L_WHERE, L_BRING, L_AND, L_TODO, L_NEXT, L_HERE,
  L_QUESTIONS, L_CALL, L_WEB, L_MAIL, L_WRITE, L_KNOW, L_CONTACT, L_PAGE, L_REF, L_COUNT
};
static const char *const labels_nl[L_COUNT] = {
  "Datum", "Ons kenmerk", "Uw kenmerk", "Wanneer:", "Waar:", "Neem mee:", " en ",
  "Wat moet u doen?", "Zo gaat het verder", "U bent hier", "Heeft u vragen?", "Bel ons",
  "Kijk op internet", "Mail ons", "Schrijf ons", "Goed om te weten", "Uw contactpersoon",
  "Pagina %zu van %zu", "kenmerk",
};
static const char *const labels_en[L_COUNT] = {
  "Date", "Our reference", "Your reference", "When:", "Where:", "Bring:", " and ",
  "What do you need to do?", "What happens next", "You are here", "Any questions?", "Call us",
  "Visit our website", "Email us", "Write to us", "Good to know", "Your contact person",
  "Page %zu of %zu", "reference",
};

static bool english(const struct letter *l)
{
  return l->language.s && !g_ascii_strncasecmp(l->language.s, "en", 2);
}

static const char *label(const struct flow *f, enum label id)
{
  return (english(f->l) ? labels_en : labels_nl)[id];
}

/* ---- boxes -------------------------------------------------------------------- */

static struct box *emit(struct flow *f, struct box b)
{
  struct page *p = f->out;
  if (p->n == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 64;
    p->boxes = xrealloc(p->boxes, p->cap * sizeof *p->boxes);
  }
  p->boxes[p->n] = b;
  return &p->boxes[p->n++];
}

static void tag(struct flow *f, const char *name, const char *attrs)
{
  emit(f, (struct box){ .kind = BOX_TAG, .tag = name, .attrs = attrs, .what = name });
}

/* A Figure with alternative text, read out instead of the picture. */
static void figure(struct flow *f, const char *alt)
{
  emit(f, (struct box){ .kind = BOX_TAG, .tag = "Figure", .alt = alt, .what = "Figure" });
}

static void end_tag(struct flow *f, const char *name)
{
  emit(f, (struct box){ .kind = BOX_END_TAG, .tag = name, .what = name });
}

static void rect(struct flow *f, const char *what, double x, double y, double w, double h,
                 const struct rgb *fill, const struct rgb *stroke, double lw, double radius)
{
  struct box b = { .kind = BOX_RECT, .x = x, .y = y, .w = w, .h = h, .what = what,
                   .artifact = true, .line_width = lw, .radius = radius };
  if (fill) { b.fill = *fill; b.filled = true; }
  if (stroke) { b.stroke = *stroke; b.stroked = true; }
  emit(f, b);
}

static void line(struct flow *f, const char *what, double x0, double y0, double x1, double y1,
                 struct rgb c, double lw)
{
  emit(f, (struct box){ .kind = BOX_LINE, .x = x0, .y = y0, .w = x1 - x0, .h = y1 - y0,
                        .what = what, .artifact = true, .stroke = c, .stroked = true,
                        .line_width = lw });
}

static void circle(struct flow *f, const char *what, double x, double y, double d,
                   const struct rgb *fill, const struct rgb *stroke, double lw)
{
  struct box b = { .kind = BOX_CIRCLE, .x = x, .y = y, .w = d, .h = d, .what = what,
                   .artifact = true, .line_width = lw };
  if (fill) { b.fill = *fill; b.filled = true; }
  if (stroke) { b.stroke = *stroke; b.stroked = true; }
  emit(f, b);
}

/* An icon; with ALT it is a Figure a screen reader announces, without it
 * decoration. */
static void icon(struct flow *f, enum icon ic, double x, double y, double size, struct rgb c,
                 bool meaningful)
{
  if (ic == ICON_NONE) return;
  if (meaningful)
    figure(f, icon_alt(ic));
  emit(f, (struct box){ .kind = BOX_ICON, .x = x, .y = y, .w = size, .h = size,
                        .what = icon_names[ic], .icon = ic, .colour = c,
                        .artifact = !meaningful });
  if (meaningful) end_tag(f, "Figure");
}

/* ---- text ----------------------------------------------------------------------- */

/* Escapes for pango markup and turns **bold** into <b>bold</b>; an
 * unpaired ** stays. Trailing newlines (from YAML block scalars) go. */
static char *markup(const char *text)
{
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

struct font {
  double         size;
  bool           bold;
  PangoAlignment align;
  bool           tabular;   /* figures of equal width (tables) */
  bool           tight;     /* 1.2 leading instead of 1.4 */
  bool           one_line;  /* cut with an ellipsis instead of wrapping */
};

/* Laid-out texts by everything that shapes them. Most texts of a mailing
 * are the same in every letter, and a letter measures a block before it
 * places it: shaping and line breaking are done once. A layout is never
 * changed after it is made, so it can be shared (by reference). */
static GHashTable *layout_cache;
#define LAYOUT_CACHE_MAX 4000

static PangoLayout *new_layout(struct flow *f, const char *text, struct font ft, double width);

static PangoLayout *make_layout(struct flow *f, const char *text, struct font ft, double width)
{
  char *key = g_strdup_printf("%s\x1f%.2f\x1f%d%d%d%d%d\x1f%.2f\x1f%.4f\x1f%.2f\x1f%s", f->font,
                              ft.size, ft.bold, (int)ft.align, ft.tabular, ft.tight, ft.one_line,
                              width, f->factor, f->body, text);
  if (!layout_cache)
    layout_cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_object_unref);
  PangoLayout *lay = g_hash_table_lookup(layout_cache, key);
  if (lay) {
    g_free(key);
    return g_object_ref(lay);
  }
  if (g_hash_table_size(layout_cache) >= LAYOUT_CACHE_MAX) g_hash_table_remove_all(layout_cache);
  lay = new_layout(f, text, ft, width);
  g_hash_table_insert(layout_cache, key, g_object_ref(lay));
  return lay;
}

void layout_cache_clear(void)
{
  if (layout_cache) g_hash_table_destroy(layout_cache);
  layout_cache = NULL;
}

/* WIDTH < 0: one line as long as the text (natural width). */
static PangoLayout *new_layout(struct flow *f, const char *text, struct font ft, double width)
{
  PangoLayout *lay = pango_layout_new(f->pctx);
  PangoFontDescription *fd = pango_font_description_new();
  pango_font_description_set_family(fd, f->font);
  pango_font_description_set_size(fd, (gint)lround(ft.size * PANGO_SCALE));
  pango_font_description_set_weight(fd, ft.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(lay, fd);
  pango_font_description_free(fd);
  pango_layout_set_width(lay, width < 0 ? -1 : (int)lround(width * PANGO_SCALE));
  pango_layout_set_wrap(lay, PANGO_WRAP_WORD);
  if (ft.one_line) pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment(lay, ft.align);
  /* Body text gets 1.4 em leading; small print and headings a tighter 1.2. */
  double want = ft.tight || ft.size > f->body + 1 || ft.size < f->body - 2 ? 1.2 : LINE_SPACING;
  pango_layout_set_line_spacing(lay, (float)(f->factor * want / LINE_SPACING));
  char *m = markup(text);
  pango_layout_set_markup(lay, m, -1);
  g_free(m);
  /* No hyphenation (readers with low literacy stumble over broken words);
   * tabular figures so that amounts line up in tables. */
  PangoAttrList *attrs = pango_layout_get_attributes(lay);
  attrs = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
  if (ft.tabular) pango_attr_list_insert(attrs, pango_attr_font_features_new("tnum 1"));
  pango_layout_set_attributes(lay, attrs);
  pango_attr_list_unref(attrs);
  return lay;
}

static double layout_height(PangoLayout *lay)
{
  int w, h;
  pango_layout_get_size(lay, &w, &h);
  return (double)h / PANGO_SCALE;
}

/* Emits the whole layout as one text box at (x, y); returns its height. */
static double place_layout(struct flow *f, PangoLayout *lay, double x, double y, double w,
                           struct rgb c, const char *what, const char *uri)
{
  double h = layout_height(lay);
  emit(f, (struct box){ .kind = BOX_TEXT, .x = x, .y = y, .w = w, .h = h, .what = what,
                        .layout = lay, .line0 = 0, .line1 = pango_layout_get_line_count(lay),
                        .colour = c, .uri = uri });
  return h;
}

/* Text at (x, y) in width w; returns its height. TAGNAME wraps it in a
 * structure element (NULL: the caller tags, or it is an artifact). */
static double text(struct flow *f, const char *s, struct font ft, double x, double y, double w,
                   struct rgb c, const char *what, const char *tagname)
{
  if (tagname) tag(f, tagname, NULL);
  double h = place_layout(f, make_layout(f, s, ft, w), x, y, w, c, what, NULL);
  if (tagname) end_tag(f, tagname);
  return h;
}

static double measure(struct flow *f, const char *s, struct font ft, double w)
{
  PangoLayout *lay = make_layout(f, s, ft, w);
  double h = layout_height(lay);
  g_object_unref(lay);
  return h;
}

/* ---- pages and groups ---------------------------------------------------------- */

static struct page *add_page(struct doc *d)
{
  d->pages = xrealloc(d->pages, (d->npages + 1) * sizeof *d->pages);
  memset(&d->pages[d->npages], 0, sizeof d->pages[d->npages]);
  return &d->pages[d->npages++];
}

static void running_header(struct flow *f)
{
  const struct letter *l = f->l;
  GString *g = g_string_new(NULL);
  if (text_present(&f->hs->organisation)) g_string_append_printf(g, "%s  ·  ", f->hs->organisation.s);
  g_string_append(g, str(&l->subject));
  if (l->reference.s) g_string_append_printf(g, "  ·  %s %s", label(f, L_REF), l->reference.s);
  /* One line, cut with "..." when the subject is long, above the rule. */
  struct font small = { 7.5, false, PANGO_ALIGN_LEFT, false, true, true };
  text(f, g->str, small, LEFT, 12 * MM, WIDTH, f->muted, "running-header", NULL);
  line(f, "running-header-rule", LEFT, 17 * MM, RIGHT, 17 * MM, f->muted, 0.3);
  g_string_free(g, TRUE);
}

static void new_page(struct flow *f)
{
  bool grouping = f->grouping;
  add_page(f->d);
  f->page = f->d->npages - 1;
  f->out = &f->d->pages[f->page];
  f->y = f->top = BODY_TOP;
  running_header(f);
  if (grouping) f->out = &f->scratch;
}

/* Makes room for H points on this page, or starts the next. */
static void need(struct flow *f, double h)
{
  if (f->measuring) return;
  if (f->y + h > BODY_BOTTOM && f->y > f->top + 1) new_page(f);
}

static void drop_boxes(struct page *p)
{
  for (size_t i = 0; i < p->n; i++) {
    if (p->boxes[i].layout) g_object_unref(p->boxes[i].layout);
    free(p->boxes[i].bars);
  }
  p->n = 0;
}

static void group_begin(struct flow *f, double *saved_y)
{
  *saved_y = f->y;
  f->grouping = true;
  f->scratch.n = 0;
  f->out = &f->scratch;
  f->y = 0;
}

/* Places the group laid out since group_begin on this page or the next,
 * then leaves AFTER points of space (which need not fit on the page). A
 * group taller than a page is an error the editor must fix. */
static void group_end(struct flow *f, double saved_y, const struct text *where, double after)
{
  double h = f->y;
  f->y = saved_y;
  f->grouping = false;
  f->out = &f->d->pages[f->page];
  if (f->measuring) {
    drop_boxes(&f->scratch);
    f->y += h + after;
    return;
  }
  if (h > BODY_BOTTOM - BODY_TOP) {
    diag_text(&f->u->diags, DIAG_ERROR, "render.block-too-tall", where, 0, 0, NULL,
              "this block is %.0f mm tall and does not fit on one page; split it",
              h / MM);
    f->errors++;
  }
  need(f, h);
  for (size_t i = 0; i < f->scratch.n; i++) {
    struct box b = f->scratch.boxes[i];
    b.y += f->y;
    emit(f, b);
  }
  f->scratch.n = 0;
  f->y += h + after;
}

/* Flows a layout line by line from f->y, breaking pages between lines with
 * at least two lines on each side of a break. */
static void flow_layout(struct flow *f, PangoLayout *lay, double x, double w, struct rgb c,
                        const char *what)
{
  int n = pango_layout_get_line_count(lay);
  double *top = xcalloc((size_t)n + 1, sizeof *top);
  PangoLayoutIter *it = pango_layout_get_iter(lay);
  int i = 0;
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, NULL, &logical);
    top[i++] = (double)logical.y / PANGO_SCALE;
  } while (pango_layout_iter_next_line(it) && i < n);
  pango_layout_iter_free(it);
  top[n] = layout_height(lay);

  int start = 0;
  while (start < n) {
    int fit = 0;
    while (start + fit < n && f->y + (top[start + fit + 1] - top[start]) <= BODY_BOTTOM) fit++;
    bool at_top = f->y <= f->top + 1;
    if (fit < n - start) {
      if (n - start - fit < 2) fit = n - start - 2;       /* no widow */
      if (fit < 2 && n - start >= 2) fit = 0;              /* no orphan */
      if (fit <= 0) {
        if (!at_top) { new_page(f); continue; }
        fit = 1;                                           /* a line taller than a page */
      }
    }
    g_object_ref(lay);
    emit(f, (struct box){ .kind = BOX_TEXT, .x = x, .y = f->y, .w = w,
                          .h = top[start + fit] - top[start], .what = what, .layout = lay,
                          .line0 = start, .line1 = start + fit, .layout_dy = top[start],
                          .colour = c });
    f->y += top[start + fit] - top[start];
    start += fit;
    if (start < n) new_page(f);
  }
  g_object_unref(lay);
  free(top);
}

/* ---- page 1 ------------------------------------------------------------------------ */

static void letterhead(struct flow *f)
{
  const struct house_style *hs = f->hs;
  const struct letter *l = f->l;
  const char *org = l->sender.organisation.s ? l->sender.organisation.s : str(&hs->organisation);
  double x = LEFT, y = 12 * MM, name_x = LEFT;
  if (f->d->logo) {
    double w = hs->logo_width_mm * MM, h = w * image_aspect(f->d->logo);
    figure(f, arena_printf(f->d->arena, "Logo %s", org));
    emit(f, (struct box){ .kind = BOX_IMAGE, .x = x, .y = y, .w = w, .h = h, .what = "logo",
                          .image = f->d->logo });
    end_tag(f, "Figure");
    name_x = x + w + 3 * MM;
    struct font nf = { 12.5, true, PANGO_ALIGN_LEFT, false, true, false };
    double nh = measure(f, org, nf, 60 * MM);
    text(f, org, nf, name_x, y + (h - nh) / 2, 60 * MM, f->primary, "organisation", "P");
  } else {
    struct font nf = { 13, true, PANGO_ALIGN_LEFT, false, true, false };
    text(f, org, nf, x, y, 90 * MM, f->primary, "organisation", "P");
  }

  /* The right column: team and how to reach the organisation. */
  GString *g = g_string_new(NULL);
  if (l->sender.team.s) g_string_append_printf(g, "**%s**\n", l->sender.team.s);
  if (hs->letterhead.n) {
    for (size_t i = 0; i < hs->letterhead.n; i++) g_string_append_printf(g, "%s\n", hs->letterhead.items[i].s);
  } else {
    for (size_t i = 0; i < l->sender.address.n; i++) g_string_append_printf(g, "%s\n", l->sender.address.items[i].s);
    if (l->sender.phone.s) g_string_append_printf(g, "T %s\n", l->sender.phone.s);
    if (l->sender.website.s) g_string_append_printf(g, "%s\n", l->sender.website.s);
  }
  if (g->len) {
    g_string_truncate(g, g->len - 1);
    struct font small = { 8, false, PANGO_ALIGN_LEFT, false, true, false };
    text(f, g->str, small, 140 * MM, 12 * MM, RIGHT - 140 * MM, f->muted, "letterhead", "P");
  }
  g_string_free(g, TRUE);
}

/* The part of a street line that PostNL's KIX code wants: house number and
 * addition, e.g. "Visserstraat 43-A" -> "43XA". Empty when there is none. */
static void kix_house_number(const char *street, char *out, size_t size)
{
  const char *p = street + strlen(street);
  while (p > street && !g_ascii_isdigit(p[-1])) p--;       /* end of the last number */
  const char *end_num = p;
  while (p > street && g_ascii_isdigit(p[-1])) p--;
  if (p == end_num) { *out = '\0'; return; }
  size_t n = 0;
  for (const char *q = p; q < end_num && n + 1 < size; q++) out[n++] = *q;
  const char *add = end_num;
  while (*add == ' ' || *add == '-') add++;
  if (*add && n + 2 < size) {
    out[n++] = 'X';
    for (; *add && n + 1 < size && n < 14; add++)
      if (g_ascii_isalnum(*add)) out[n++] = g_ascii_toupper(*add);
  }
  out[n] = '\0';
}

static bool is_dutch(const struct recipient *r)
{
  if (!r->country.s) return true;
  return !g_ascii_strcasecmp(r->country.s, "Nederland") || !g_ascii_strcasecmp(r->country.s, "NL");
}

static double *kix_for(const struct recipient *r, double h, size_t *n, double *w)
{
  if (!is_dutch(r) || !r->address.n) return NULL;
  char pc[16] = "", num[24];
  size_t k = 0;
  for (const char *p = str(&r->postcode); *p && k + 1 < sizeof pc; p++)
    if (g_ascii_isalnum(*p)) pc[k++] = g_ascii_toupper(*p);
  pc[k] = '\0';
  kix_house_number(r->address.items[0].s, num, sizeof num);
  if (strlen(pc) != 6 || !*num) return NULL;
  char data[48];
  snprintf(data, sizeof data, "%s%s", pc, num);
  return barcode_kix(data, h, n, w);
}

/* The address in the window: it must fit the field, so a long name or a
 * long address is set smaller (down to 8 pt), then the KIX code gives way,
 * then the address starts higher in the field. */
static void address_window(struct flow *f)
{
  const struct letter *l = f->l;
  const struct recipient *r = &l->recipient;
  double fx = f->hs->window == WINDOW_LEFT ? 20 * MM : 105 * MM;
  double fy = 45 * MM, fh = 45 * MM, x = fx + 5 * MM, w = 75 * MM;

  struct font tiny = { 7, false, PANGO_ALIGN_LEFT, false, true, false };
  const char *ret = f->hs->return_address.n ? f->hs->return_address.items[0].s : NULL;
  GString *rg = g_string_new(NULL);
  if (f->hs->return_address.n > 1 || (!ret && l->sender.address.n)) {
    const struct textlist *tl = f->hs->return_address.n ? &f->hs->return_address : &l->sender.address;
    if (!f->hs->return_address.n) g_string_append(rg, "Retouradres ");
    for (size_t i = 0; i < tl->n; i++) g_string_append_printf(rg, "%s%s", i ? ", " : "", tl->items[i].s);
    ret = rg->str;
  }
  double y = fy + 1.5 * MM;
  if (ret) {
    double h = text(f, ret, tiny, x, y, w, f->muted, "return-address", "P");
    line(f, "return-address-rule", x, y + h + 0.3 * MM, x + w, y + h + 0.3 * MM, f->muted, 0.3);
    y += h + 1.5 * MM;
  }
  if (l->urgency.s) {
    struct font urg = { 8.5, true, PANGO_ALIGN_LEFT, false, true, false };
    y += text(f, l->urgency.s, urg, x, y, w, f->text, "urgency", "P") + 1 * MM;
  }

  GString *g = g_string_new(NULL);
  g_string_append(g, str(&r->name));
  for (size_t i = 0; i < r->address.n; i++) g_string_append_printf(g, "\n%s", r->address.items[i].s);
  char *city = g_utf8_strup(str(&r->city), -1);
  g_string_append_printf(g, "\n%s  %s", str(&r->postcode), city);
  g_free(city);
  if (r->country.s && !is_dutch(r)) {
    char *c = g_utf8_strup(r->country.s, -1);
    g_string_append_printf(g, "\n%s", c);
    g_free(c);
  }

  double bottom = fy + fh - 1 * MM, kix_h = 4.2 * MM, kix_w = 0;
  size_t nbars = 0;
  double *bars = kix_for(r, kix_h, &nbars, &kix_w);
  double zone = fy + 17.7 * MM > y ? fy + 17.7 * MM : y;
  double size = 10.5, h = 0;
  for (int attempt = 0; attempt < 3; attempt++) {
    double room = bottom - zone - (bars ? kix_h + 1.5 * MM : 0);
    for (size = 10.5; size >= 8; size -= 0.5) {
      h = measure(f, g->str, (struct font){ size, false, PANGO_ALIGN_LEFT, false, true, false }, w);
      if (h <= room) break;
    }
    if (h <= room) break;
    if (attempt == 0 && bars) { free(bars); bars = NULL; nbars = 0; continue; }
    zone = y;                              /* use the whole field below the return line */
  }
  if (zone + h > bottom) {
    diag_text(&f->u->diags, DIAG_ERROR, "render.address", &r->name, 0, 0, NULL,
              "the address does not fit the envelope window (%.0f mm, room for %.0f mm); "
              "shorten the name or the address lines", h / MM, (bottom - zone) / MM);
    f->errors++;
  }
  size = size < 8 ? 8 : size;
  h = text(f, g->str, (struct font){ size, false, PANGO_ALIGN_LEFT, false, true, false }, x, zone, w,
           f->text, "address", "P");
  if (bars) {
    emit(f, (struct box){ .kind = BOX_BARS, .x = x, .y = zone + h + 1.5 * MM, .w = kix_w,
                          .h = kix_h, .what = "kix", .artifact = true, .bars = bars,
                          .nbars = nbars, .fill = f->text });
  }
  g_string_free(g, TRUE);
  g_string_free(rg, TRUE);
}

static void reference_block(struct flow *f)
{
  const struct letter *l = f->l;
  double x = f->hs->window == WINDOW_LEFT ? 125 * MM : LEFT, y = 50 * MM;
  double lw = 24 * MM, vw = (f->hs->window == WINDOW_LEFT ? RIGHT : 100 * MM) - x - lw;
  char date[64];
  render_format_date(l, f->epoch, date, sizeof date);
  const char *labels[3] = { label(f, L_DATE), label(f, L_OUR_REF), label(f, L_YOUR_REF) };
  const char *values[3] = { NULL, l->reference.s, l->your_reference.s };
  values[0] = arena_strdup(f->d->arena, date);
  struct font lab = { 8, false, PANGO_ALIGN_LEFT, false, true, false };
  struct font val = { 8.5, true, PANGO_ALIGN_LEFT, false, true, false };
  tag(f, "Table", NULL);
  for (int i = 0; i < 3; i++) {
    if (!values[i]) continue;
    tag(f, "TR", NULL);
    text(f, labels[i], lab, x, y + 0.4, lw, f->muted, "reference-label", "TH");
    y += text(f, values[i], val, x + lw, y, vw, f->text, "reference-value", "TD") + 1.8 * MM;
    end_tag(f, "TR");
  }
  end_tag(f, "Table");
}

static void fold_marks(struct flow *f)
{
  line(f, "fold-mark", 3 * MM, 105 * MM, 8 * MM, 105 * MM, f->muted, 0.4);
  line(f, "punch-mark", 3 * MM, 148.5 * MM, 10 * MM, 148.5 * MM, f->muted, 0.4);
  line(f, "fold-mark", 3 * MM, 210 * MM, 8 * MM, 210 * MM, f->muted, 0.4);
}

/* ---- blocks ------------------------------------------------------------------------ */

static struct font body_font(struct flow *f) { return (struct font){ f->body, false, PANGO_ALIGN_LEFT, false, false, false }; }
static struct font bold_font(struct flow *f) { return (struct font){ f->body, true, PANGO_ALIGN_LEFT, false, false, false }; }
static struct font h2_font(void) { return (struct font){ 13.5, true, PANGO_ALIGN_LEFT, false, true, false }; }
static double line_h(struct flow *f) { return f->body * LINE_SPACING; }

static void paragraph_text(struct flow *f, const char *s, const char *what)
{
  tag(f, "P", NULL);
  flow_layout(f, make_layout(f, s, body_font(f), WIDTH), LEFT, WIDTH, f->text, what);
  end_tag(f, "P");
}

/* The salutation opens the prose; it never stands alone at a page foot. */
static void salutation(struct flow *f)
{
  if (f->salutation_done) return;
  f->salutation_done = true;
  const char *s = str(&f->l->recipient.salutation);
  if (!*s) return;                        /* letter.salutation reports it */
  size_t n = strlen(s);
  char *t = g_strdup_printf("%s%s", s, n && s[n - 1] == ',' ? "" : ",");
  need(f, 4 * line_h(f));
  paragraph_text(f, t, "salutation");
  f->y += 2.5 * MM;
  g_free(t);
}

/* A paragraph text may hold several paragraphs: YAML turns a blank line
 * into one newline in every style but literal (`|`), where a single
 * newline is a line break and a blank line separates paragraphs. A short
 * paragraph ending in ':' introduces what follows and stays with it. */
static void block_paragraph(struct flow *f, const struct text *t)
{
  char **paras = g_regex_split_simple(t->literal ? "\\n[ \\t]*\\n" : "\\n", t->s, 0, 0);
  for (char **q = paras; *q; q++) {
    char *s = g_strstrip(*q);
    if (!*s) continue;
    if (s[strlen(s) - 1] == ':' && !q[1])
      need(f, measure(f, s, body_font(f), WIDTH) + 3 * line_h(f));
    paragraph_text(f, s, "paragraph");
    f->y += 2.5 * MM;
  }
  g_strfreev(paras);
}

static double measure_block(struct flow *f, const struct block *b);

/* A heading stays with what follows: two lines of text, or the whole of a
 * block that is kept whole (when that block fits on a page at all). */
static void heading(struct flow *f, const char *s, const char *tagname, const struct block *next)
{
  double h = measure(f, s, h2_font(), WIDTH);
  double follow = 2.5 * line_h(f);
  double whole = next ? measure_block(f, next) : 0;
  if (whole > follow && 3 * MM + h + whole <= BODY_BOTTOM - BODY_TOP) follow = whole;
  need(f, 3 * MM + h + follow);
  if (f->y > f->top + 1) f->y += 3 * MM;
  f->y += text(f, s, h2_font(), LEFT, f->y, WIDTH, f->primary, "heading", tagname) + 1.5 * MM;
}

static void block_list(struct flow *f, const struct textlist *tl, bool numbered)
{
  tag(f, "L", numbered ? "ListNumbering='Decimal'" : NULL);
  double ind = 7 * MM;
  for (size_t i = 0; i < tl->n; i++) {
    double h = measure(f, tl->items[i].s, body_font(f), WIDTH - ind);
    need(f, h > 3 * line_h(f) ? 2 * line_h(f) : h);
    tag(f, "LI", NULL);
    tag(f, "Lbl", NULL);
    if (numbered) {
      char num[24];
      snprintf(num, sizeof num, "%zu.", i + 1);
      text(f, num, bold_font(f), LEFT, f->y, ind - 1 * MM, f->primary, "list-number", NULL);
    } else {
      /* A bullet as a drawn dot, centred on the first line's x-height. */
      double d = 1.6 * MM;
      circle(f, "bullet", LEFT + 1.5 * MM, f->y + line_h(f) / 2 - d / 2 - 0.2 * MM, d,
             &f->primary, NULL, 0);
    }
    end_tag(f, "Lbl");
    tag(f, "LBody", NULL);
    flow_layout(f, make_layout(f, tl->items[i].s, body_font(f), WIDTH - ind), LEFT + ind,
                WIDTH - ind, f->text, "list-item");
    end_tag(f, "LBody");
    end_tag(f, "LI");
    f->y += 1 * MM;
  }
  end_tag(f, "L");
  f->y += 2 * MM;
}

static enum icon kind_icon(enum letter_kind k)
{
  switch (k) {
  case KIND_UITNODIGING: case KIND_AFSPRAAKBEVESTIGING: return ICON_CALENDAR;
  case KIND_BESCHIKKING: return ICON_DOCUMENT;
  case KIND_VERZOEK: return ICON_DOCUMENT;
  case KIND_HERINNERING: return ICON_CLOCK;
  case KIND_WERKPLAN: case KIND_KENNISMAKING: return ICON_PERSON;
  default: return ICON_INFO;
  }
}

/* The main point in a colour block, larger type, right under the subject. */
static void key_message(struct flow *f)
{
  const struct letter *l = f->l;
  double saved;
  group_begin(f, &saved);
  double isz = 9 * MM, x = LEFT + PAD + isz + 4 * MM, w = RIGHT - PAD - x;
  struct font title = { 14.5, true, PANGO_ALIGN_LEFT, false, true, false };
  double th = measure(f, str(&l->key_title), title, w);
  double bh = l->key_text.s ? measure(f, l->key_text.s, body_font(f), w) + 1.5 * MM : 0;
  double h = PAD + th + bh + PAD;
  if (h < isz + 2 * PAD) h = isz + 2 * PAD;
  rect(f, "key-message", LEFT, 0, WIDTH, h, &f->primary, NULL, 0, RADIUS);
  icon(f, kind_icon(l->kind), LEFT + PAD, PAD, isz, f->on_primary, false);
  tag(f, "P", NULL);
  text(f, str(&l->key_title), title, x, PAD, w, f->on_primary, "key-message.title", NULL);
  if (l->key_text.s)
    text(f, l->key_text.s, body_font(f), x, PAD + th + 1.5 * MM, w, f->on_primary,
         "key-message.text", NULL);
  end_tag(f, "P");
  f->y = h;
  group_end(f, saved, &l->key_title, 5 * MM);
}

struct callout_look { struct rgb fill, bar; enum icon icon; bool frame; };

static struct callout_look callout_look(struct flow *f, const struct block *b)
{
  const struct house_style *hs = f->hs;
  struct callout_look c = { f->light, f->primary, ICON_INFO, false };
  switch (b->as.callout.style) {
  case CALLOUT_WARNING: c = (struct callout_look){ rgb_of(&hs->warning_light), rgb_of(&hs->warning), ICON_WARNING, false }; break;
  case CALLOUT_SUCCESS: c = (struct callout_look){ rgb_of(&hs->success_light), rgb_of(&hs->success), ICON_CHECK, false }; break;
  case CALLOUT_AMOUNT: c = (struct callout_look){ f->white, f->text, ICON_EURO, true }; break;
  case CALLOUT_IMPORTANT: c.icon = ICON_WARNING; c.frame = true; break;
  default: break;
  }
  if (b->as.callout.icon != ICON_NONE) c.icon = b->as.callout.icon;
  return c;
}

static void block_callout(struct flow *f, const struct block *b)
{
  struct callout_look look = callout_look(f, b);
  double saved;
  group_begin(f, &saved);
  double isz = 6.5 * MM, x = LEFT + PAD + 1.5 * MM + isz + 3.5 * MM, w = RIGHT - PAD - x;
  struct font title = { f->body + 1, true, PANGO_ALIGN_LEFT, false, true, false };
  double th = b->as.callout.title.s ? measure(f, b->as.callout.title.s, title, w) + 1 * MM : 0;
  double h = PAD + th + measure(f, str(&b->as.callout.text), body_font(f), w) + PAD;
  if (look.frame) {
    /* amount: white with a dark frame; important: tinted, framed and barred */
    rect(f, "callout", LEFT, 0, WIDTH, h, &look.fill, &look.bar, 1.2, RADIUS);
    if (b->as.callout.style == CALLOUT_IMPORTANT)
      rect(f, "callout-bar", LEFT, 0, 1.5 * MM, h, &look.bar, NULL, 0, 0);
  } else {
    rect(f, "callout", LEFT, 0, WIDTH, h, &look.fill, NULL, 0, RADIUS);
    rect(f, "callout-bar", LEFT, 0, 1.5 * MM, h, &look.bar, NULL, 0, 0);
  }
  icon(f, look.icon, LEFT + PAD + 1.5 * MM, PAD, isz, look.bar, false);
  if (b->as.callout.title.s)
    text(f, b->as.callout.title.s, title, x, PAD, w, f->text, "callout.title", "P");
  text(f, str(&b->as.callout.text), body_font(f), x, PAD + th, w, f->text, "callout.text", "P");
  f->y = h;
  group_end(f, saved, &b->key, 5 * MM);
}

static double action_item(struct flow *f, const struct action_item *a, size_t i, double x0,
                          double y, double w)
{
  double csz = 7 * MM, isz = 5.5 * MM;
  double x = x0 + csz + 3 * MM + (a->icon != ICON_NONE ? isz + 2.5 * MM : 0), tw = x0 + w - x;
  tag(f, "LI", NULL);
  tag(f, "Lbl", NULL);
  circle(f, "action-number", x0, y, csz, &f->primary, NULL, 0);
  char num[24];
  snprintf(num, sizeof num, "%zu", i + 1);
  struct font nf = { 11, true, PANGO_ALIGN_CENTER, false, true, false };
  double nh = measure(f, num, nf, csz);
  text(f, num, nf, x0, y + (csz - nh) / 2, csz, f->on_primary, "action-number", NULL);
  end_tag(f, "Lbl");
  icon(f, a->icon, x0 + csz + 3 * MM, y + 0.5 * MM, isz, f->primary, true);
  tag(f, "LBody", NULL);
  /* What to do in bold, the explanation right after it in the same
   * paragraph: one glance gives the action, reading on gives the why. */
  char *what = a->detail.s ? g_strdup_printf("**%s** %s", str(&a->what), a->detail.s)
                           : g_strdup_printf("**%s**", str(&a->what));
  double h = text(f, what, body_font(f), x, y + 0.5 * MM, tw, f->text, "action.what", "P");
  g_free(what);
  const char *labels[2] = { label(f, L_WHEN), label(f, L_WHERE) };
  const struct text *vals[2] = { &a->when, &a->where };
  for (int k = 0; k < 2; k++) {
    if (!vals[k]->s) continue;
    char *s = g_strdup_printf("**%s** %s", labels[k], vals[k]->s);
    h += text(f, s, body_font(f), x, y + 0.5 * MM + h, tw, f->text, k ? "action.where" : "action.when", "P");
    g_free(s);
  }
  if (a->bring.n) {
    GString *g = g_string_new(NULL);
    g_string_printf(g, "**%s** ", label(f, L_BRING));
    for (size_t k = 0; k < a->bring.n; k++)
      g_string_append_printf(g, "%s%s", k ? (k + 1 == a->bring.n ? label(f, L_AND) : ", ") : "",
                             a->bring.items[k].s);
    h += text(f, g->str, body_font(f), x, y + 0.5 * MM + h, tw, f->text, "action.bring", "P");
    g_string_free(g, TRUE);
  }
  end_tag(f, "LBody");
  end_tag(f, "LI");
  h += 0.5 * MM;
  return h > csz ? h : csz;
}

static void block_action(struct flow *f, const struct block *b)
{
  double saved;
  group_begin(f, &saved);
  const char *title = b->as.action.title.s ? b->as.action.title.s : label(f, L_TODO);
  double x = LEFT + PAD, w = WIDTH - 2 * PAD;
  /* Measure first: the background goes under the content. */
  size_t bg = f->out->n;
  rect(f, "action", LEFT, 0, WIDTH, 0, &f->light, NULL, 0, RADIUS);
  double y = PAD;
  y += text(f, title, h2_font(), x, y, w, f->primary, "action.title", "H2") + 3 * MM;
  tag(f, "L", "ListNumbering='Decimal'");
  for (size_t i = 0; i < b->as.action.n; i++) {
    y += action_item(f, &b->as.action.items[i], i, x, y, w);
    if (i + 1 < b->as.action.n) y += 3.5 * MM;
  }
  end_tag(f, "L");
  y += PAD;
  f->out->boxes[bg].h = y;
  f->y = y;
  group_end(f, saved, &b->key, 5 * MM);
}

/* The width of the widest single word in S (words never break). */
static double widest_word(struct flow *f, const char *s, struct font ft)
{
  double best = 0;
  char **words = g_strsplit_set(s, " \n", -1);
  for (char **w = words; *w; w++) {
    if (!**w) continue;
    PangoLayout *lay = make_layout(f, *w, ft, -1);
    int pw, ph;
    pango_layout_get_size(lay, &pw, &ph);
    g_object_unref(lay);
    if ((double)pw / PANGO_SCALE > best) best = (double)pw / PANGO_SCALE;
  }
  g_strfreev(words);
  return best;
}

/* Side by side needs at most 6 steps and every word of every step in its
 * column; "Arbeidsongeschiktheidsbeoordeling" in 25 mm does not fit. */
static bool timeline_fits_across(struct flow *f, const struct block *b, struct font ft)
{
  size_t n = b->as.timeline.n;
  if (n > 6) return false;
  double tw = WIDTH / (double)n - 2 * MM;
  for (size_t i = 0; i < n; i++) {
    const struct step *s = &b->as.timeline.steps[i];
    if (widest_word(f, str(&s->title), ft) > tw) return false;
    if (s->date.s && widest_word(f, s->date.s, ft) > tw) return false;
    if (s->text.s && widest_word(f, s->text.s, ft) > tw) return false;
  }
  return true;
}

/* Steps side by side when they fit (see above), else one under the
 * other. Done steps are ticked, the current one is filled in the accent
 * colour and marked "U bent hier". */
static void block_timeline(struct flow *f, const struct block *b)
{
  size_t n = b->as.timeline.n;
  unsigned cur = b->as.timeline.current;
  double saved;
  group_begin(f, &saved);
  const char *title = b->as.timeline.title.s ? b->as.timeline.title.s : label(f, L_NEXT);
  double y = 0;
  y += text(f, title, h2_font(), LEFT, y, WIDTH, f->primary, "timeline.title", "H2") + 2.5 * MM;
  tag(f, "L", "ListNumbering='Decimal'");
  struct font small = { 9.5, false, PANGO_ALIGN_CENTER, false, true, false };
  struct font small_b = { 9.5, true, PANGO_ALIGN_CENTER, false, true, false };
  struct font here = { 8.5, true, PANGO_ALIGN_CENTER, false, true, false };
  double d = 6.5 * MM;
  if (timeline_fits_across(f, b, small_b)) {
    double cw = WIDTH / (double)n, cy = y + (cur ? 5 * MM : 0);
    line(f, "timeline-line", LEFT + cw / 2, cy + d / 2, LEFT + cw * ((double)n - 0.5), cy + d / 2,
         f->primary, 1.6);
    double hmax = 0;
    for (size_t i = 0; i < n; i++) {
      const struct step *s = &b->as.timeline.steps[i];
      double cx = LEFT + cw * (double)i + cw / 2, tx = LEFT + cw * (double)i + 1 * MM, tw = cw - 2 * MM;
      bool done = cur && i + 1 < cur, now = cur == i + 1;
      tag(f, "LI", NULL);
      if (now) text(f, label(f, L_HERE), here, tx, y, tw, f->text, "timeline.here", "P");
      if (now) circle(f, "timeline-step", cx - d / 2, cy, d, &f->accent, NULL, 0);
      else if (done) circle(f, "timeline-step", cx - d / 2, cy, d, &f->primary, NULL, 0);
      else circle(f, "timeline-step", cx - d / 2, cy, d, &f->white, &f->primary, 1.4);
      if (done) icon(f, ICON_CHECK, cx - d / 2 + 0.8 * MM, cy + 0.8 * MM, d - 1.6 * MM, f->on_primary, false);
      double ty = cy + d + 2 * MM, h = 0;
      tag(f, "P", NULL);
      h += text(f, str(&s->title), small_b, tx, ty, tw, f->text, "timeline.step", NULL);
      if (s->date.s) h += text(f, s->date.s, small, tx, ty + h, tw, f->muted, "timeline.date", NULL);
      if (s->text.s) h += text(f, s->text.s, small, tx, ty + h, tw, f->text, "timeline.text", NULL);
      end_tag(f, "P");
      end_tag(f, "LI");
      if (ty + h > hmax) hmax = ty + h;
    }
    y = hmax;
  } else {
    struct font left_b = { f->body, true, PANGO_ALIGN_LEFT, false, true, false };
    struct font left = { f->body, false, PANGO_ALIGN_LEFT, false, true, false };
    double x = LEFT + d + 4 * MM, w = RIGHT - x, prev = -1;
    for (size_t i = 0; i < n; i++) {
      const struct step *s = &b->as.timeline.steps[i];
      bool done = cur && i + 1 < cur, now = cur == i + 1;
      if (prev >= 0) line(f, "timeline-line", LEFT + d / 2, prev + d, LEFT + d / 2, y, f->primary, 1.6);
      tag(f, "LI", NULL);
      if (now) circle(f, "timeline-step", LEFT, y, d, &f->accent, NULL, 0);
      else if (done) circle(f, "timeline-step", LEFT, y, d, &f->primary, NULL, 0);
      else circle(f, "timeline-step", LEFT, y, d, &f->white, &f->primary, 1.4);
      if (done) icon(f, ICON_CHECK, LEFT + 0.8 * MM, y + 0.8 * MM, d - 1.6 * MM, f->on_primary, false);
      char *t = now ? g_strdup_printf("%s  (u bent hier)", str(&s->title)) : g_strdup(str(&s->title));
      tag(f, "P", NULL);
      double h = text(f, t, left_b, x, y, w, f->text, "timeline.step", NULL);
      g_free(t);
      if (s->date.s) h += text(f, s->date.s, left, x, y + h, w, f->muted, "timeline.date", NULL);
      if (s->text.s) h += text(f, s->text.s, left, x, y + h, w, f->text, "timeline.text", NULL);
      end_tag(f, "P");
      end_tag(f, "LI");
      prev = y;
      y += (h > d ? h : d) + 2.5 * MM;
    }
  }
  end_tag(f, "L");
  f->y = y;
  group_end(f, saved, &b->key, 6 * MM);
}

/* Column widths: every column gets its natural width; the first (the
 * description) takes what is left, and shrinks first when space is short. */
static void table_widths(struct flow *f, const struct block *b, double *cw)
{
  size_t nc = b->as.table.columns.n;
  double total = 0;
  for (size_t c = 0; c < nc; c++) {
    double w = 0;
    for (size_t r = 0; r <= b->as.table.nrows; r++) {
      const struct textlist *row = r ? &b->as.table.rows[r - 1] : &b->as.table.columns;
      PangoLayout *lay = make_layout(f, str(&row->items[c]), (struct font){ f->body, r == 0, PANGO_ALIGN_LEFT, true, true, false }, -1);
      int pw, ph;
      pango_layout_get_size(lay, &pw, &ph);
      g_object_unref(lay);
      double cwid = (double)pw / PANGO_SCALE + 4 * MM;
      if (cwid > w) w = cwid;
    }
    cw[c] = w;
    total += w;
  }
  if (nc == 1) { cw[0] = WIDTH; return; }
  double rest = total - cw[0];
  if (rest > WIDTH * 0.7) {                     /* very wide data: share evenly */
    for (size_t c = 0; c < nc; c++) cw[c] = WIDTH / (double)nc;
    return;
  }
  cw[0] = WIDTH - rest;
}

static double row_height(struct flow *f, const struct block *b, const struct textlist *row,
                         const double *cw, bool header)
{
  struct font ft = { f->body, header, PANGO_ALIGN_LEFT, true, true, false };
  double h = 0;
  for (size_t c = 0; c < b->as.table.columns.n; c++) {
    double ch = measure(f, str(&row->items[c]), ft, cw[c] - 4 * MM);
    if (ch > h) h = ch;
  }
  return h + 3 * MM;
}

static double table_row(struct flow *f, const struct block *b, const struct textlist *row,
                        const double *cw, bool header, double y)
{
  size_t nc = b->as.table.columns.n;
  double x = LEFT, h = row_height(f, b, row, cw, header);
  struct font ft = { f->body, header, PANGO_ALIGN_LEFT, true, true, false };
  if (header) rect(f, "table-header", LEFT, y, WIDTH, h, &f->light, NULL, 0, 0);
  tag(f, "TR", NULL);
  for (size_t c = 0; c < nc; c++) {
    enum align al = b->as.table.align[c];
    ft.align = al == ALIGN_RIGHT ? PANGO_ALIGN_RIGHT : al == ALIGN_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
    text(f, str(&row->items[c]), ft, x + 2 * MM, y + 1.5 * MM, cw[c] - 4 * MM, f->text,
         header ? "table.header" : "table.cell", header ? "TH" : "TD");
    x += cw[c];
  }
  end_tag(f, "TR");
  line(f, "table-rule", LEFT, y + h, RIGHT, y + h, header ? f->primary : f->muted, header ? 0.9 : 0.3);
  return h;
}

static double table_title_height(struct flow *f, const struct block *b)
{
  if (!b->as.table.title.s) return 0;
  return measure(f, b->as.table.title.s,
                 (struct font){ f->body + 0.5, true, PANGO_ALIGN_LEFT, false, true, false },
                 WIDTH) + 2 * MM;
}

/* The title (when TITLE), the header row and rows [from, to) from y 0;
 * returns the height. */
static double table_part(struct flow *f, const struct block *b, const double *cw, bool title,
                         size_t from, size_t to)
{
  double y = 0;
  if (title && b->as.table.title.s)
    y += text(f, b->as.table.title.s,
              (struct font){ f->body + 0.5, true, PANGO_ALIGN_LEFT, false, true, false },
              LEFT, y, WIDTH, f->text, "table.title", "Caption") + 2 * MM;
  y += table_row(f, b, &b->as.table.columns, cw, true, y);
  for (size_t r = from; r < to; r++) y += table_row(f, b, &b->as.table.rows[r], cw, false, y);
  return y;
}

/* A table is kept whole when it fits on a page. A longer one flows: as
 * many rows as fit on each page (at least one), and every page it goes on
 * to starts with the header row again, so no amount is read without its
 * column's name. */
static void block_table(struct flow *f, const struct block *b)
{
  size_t n = b->as.table.nrows;
  double *cw = xcalloc(b->as.table.columns.n, sizeof *cw);
  double *rh = xcalloc(n ? n : 1, sizeof *rh);
  table_widths(f, b, cw);
  double title_h = table_title_height(f, b);
  double head_h = row_height(f, b, &b->as.table.columns, cw, true), total = title_h + head_h;
  for (size_t r = 0; r < n; r++) total += rh[r] = row_height(f, b, &b->as.table.rows[r], cw, false);

  double saved;
  if (total <= BODY_BOTTOM - BODY_TOP || f->measuring) {
    group_begin(f, &saved);
    tag(f, "Table", NULL);
    f->y = table_part(f, b, cw, true, 0, n);
    end_tag(f, "Table");
    group_end(f, saved, &b->key, 0);
  } else {
    for (size_t r = 0; r < n;) {
      double used = (r == 0 ? title_h : 0) + head_h + rh[r];
      need(f, used);
      size_t take = 1;
      while (r + take < n && f->y + used + rh[r + take] <= BODY_BOTTOM) used += rh[r + take++];
      group_begin(f, &saved);
      if (r == 0) tag(f, "Table", NULL);       /* on the page the table starts on */
      f->y = table_part(f, b, cw, r == 0, r, r + take);
      group_end(f, saved, &b->key, 0);
      r += take;
      if (r < n) new_page(f);
    }
    end_tag(f, "Table");
  }
  f->y += 5 * MM;
  free(rh);
  free(cw);
}

/* The natural width of S on one line. */
static double widest_line(struct flow *f, const char *s, struct font ft)
{
  PangoLayout *lay = make_layout(f, s, ft, -1);
  int pw, ph;
  pango_layout_get_size(lay, &pw, &ph);
  g_object_unref(lay);
  return (double)pw / PANGO_SCALE;
}

/* "0800 123 45 67 (gratis)" -> "tel:08001234567": a tel: link holds
 * digits only (and a leading +); the words stay in the printed text. */
static char *tel_uri(struct flow *f, const char *phone)
{
  GString *g = g_string_new("tel:");
  for (const char *p = phone; *p && *p != '('; p++)
    if (g_ascii_isdigit(*p) || (*p == '+' && g->len == 4)) g_string_append_c(g, *p);
  char *s = g->len > 4 ? arena_strdup(f->d->arena, g->str) : NULL;
  g_string_free(g, TRUE);
  return s;
}

static char *with_scheme(struct flow *f, const char *url, const char *scheme)
{
  if (strstr(url, "://") || !strncmp(url, "mailto:", 7)) return arena_strdup(f->d->arena, url);
  return arena_printf(f->d->arena, "%s%s", scheme, url);
}

/* One row: icon, label in bold, and the value beside it (a link where it
 * is one), with an optional note under the value. */
static double contact_row(struct flow *f, enum icon ic, const char *label, const char *value,
                          const char *note, const char *uri, double x, double y, double w,
                          double lw)
{
  double isz = 4.8 * MM, lx = x + isz + 2.5 * MM, vx = lx + lw, vw = x + w - vx;
  icon(f, ic, x, y + 0.2 * MM, isz, f->primary, false);
  tag(f, "P", NULL);
  double lh = text(f, label, bold_font(f), lx, y, lw - 3 * MM, f->text, "contact.label", NULL);
  PangoLayout *lay = make_layout(f, value, body_font(f), vw);
  double h = place_layout(f, lay, vx, y, vw, f->text, "contact.value", uri);
  if (note) h += text(f, note, body_font(f), vx, y + h, vw, f->muted, "contact.note", NULL);
  end_tag(f, "P");
  return (h > lh ? h : lh) + 1.8 * MM;
}

static bool contact_empty(const struct block *b)
{
  return !b->as.contact.phone.s && !b->as.contact.website.s && !b->as.contact.email.s &&
         !b->as.contact.post.n && !b->as.contact.text.s && !b->as.contact.qr.s;
}

/* A contact block without details shows the sender's; one with nothing
 * to show at all is left out rather than printed as an empty panel. */
static void block_contact(struct flow *f, const struct block *given)
{
  struct block filled;
  const struct block *b = given;
  if (contact_empty(given)) {
    const struct sender *s = &f->l->sender;
    filled = *given;
    filled.as.contact.phone = s->phone;
    filled.as.contact.hours = s->hours;
    filled.as.contact.website = s->website;
    filled.as.contact.email = s->email;
    filled.as.contact.post = s->address;
    b = &filled;
    if (contact_empty(b)) return;
  }
  double saved;
  group_begin(f, &saved);
  size_t bg = f->out->n;
  rect(f, "contact", LEFT, 0, WIDTH, 0, &f->light, NULL, 0, RADIUS);
  double x = LEFT + PAD, w = WIDTH - 2 * PAD, y = PAD, qr_side = 24 * MM;
  const char *title = b->as.contact.title.s ? b->as.contact.title.s : label(f, L_QUESTIONS);
  y += text(f, title, h2_font(), x, y, w, f->primary, "contact.title", "H2") + 2.5 * MM;
  double top = y;
  if (b->as.contact.qr.s) w -= qr_side + 16 * MM;
  /* The label column is as wide as the longest label shown (whole words
   * never wrap), at most half the block. */
  const char *labels[] = { label(f, L_CALL), label(f, L_WEB), label(f, L_MAIL), label(f, L_WRITE),
                           label(f, L_KNOW), label(f, L_CONTACT) };
  double lw = 0;
  for (size_t i = 0; i < ARRAY_SIZE(labels); i++) {
    double lwi = widest_line(f, labels[i], bold_font(f)) + 3 * MM;
    if (lwi > lw) lw = lwi;
  }
  if (lw > w / 2) lw = w / 2;
  if (b->as.contact.phone.s)
    y += contact_row(f, ICON_PHONE, label(f, L_CALL), b->as.contact.phone.s, b->as.contact.hours.s,
                     tel_uri(f, b->as.contact.phone.s), x, y, w, lw);
  if (b->as.contact.website.s)
    y += contact_row(f, ICON_INFO, label(f, L_WEB), b->as.contact.website.s, NULL,
                     with_scheme(f, b->as.contact.website.s, "https://"), x, y, w, lw);
  if (b->as.contact.email.s)
    y += contact_row(f, ICON_MAIL, label(f, L_MAIL), b->as.contact.email.s, NULL,
                     with_scheme(f, b->as.contact.email.s, "mailto:"), x, y, w, lw);
  if (b->as.contact.post.n) {
    GString *g = g_string_new(NULL);
    for (size_t i = 0; i < b->as.contact.post.n; i++)
      g_string_append_printf(g, "%s%s", i ? ", " : "", b->as.contact.post.items[i].s);
    y += contact_row(f, ICON_MAIL, label(f, L_WRITE), g->str, NULL, NULL, x, y, w, lw);
    g_string_free(g, TRUE);
  }
  if (b->as.contact.text.s)
    y += contact_row(f, ICON_DOCUMENT, label(f, L_KNOW), b->as.contact.text.s, NULL, NULL, x, y, w, lw);
  /* The letter comes from a person: name them here too, as the signature
   * does (no direct number: the phone row is the organisation's). */
  if (f->l->sender.name.s) {
    char *who = f->l->sender.role.s
      ? g_strdup_printf("%s, %s", f->l->sender.name.s, f->l->sender.role.s)
      : g_strdup(f->l->sender.name.s);
    y += contact_row(f, ICON_PERSON, label(f, L_CONTACT), who, NULL, NULL, x, y, w, lw);
    g_free(who);
  }
  if (b->as.contact.qr.s) {
    size_t nbars = 0;
    double *bars = barcode_qr(b->as.contact.qr.s, qr_side, &nbars);
    double qx = RIGHT - PAD - qr_side;
    if (bars) {
      figure(f, arena_printf(f->d->arena, "QR-code naar %s", b->as.contact.qr.s));
      rect(f, "qr-quiet-zone", qx - 1.5 * MM, top - 1.5 * MM, qr_side + 3 * MM, qr_side + 3 * MM, &f->white, NULL, 0, 0);
      emit(f, (struct box){ .kind = BOX_BARS, .x = qx, .y = top, .w = qr_side, .h = qr_side,
                            .what = "qr", .bars = bars, .nbars = nbars, .fill = f->text });
      end_tag(f, "Figure");
      /* The address under the code, without "https://": short enough to
       * type, on one or two lines under the code. */
      const char *shown = b->as.contact.qr.s;
      if (g_str_has_prefix(shown, "https://")) shown += 8;
      else if (g_str_has_prefix(shown, "http://")) shown += 7;
      struct font tiny = { 7.5, false, PANGO_ALIGN_CENTER, false, true, false };
      double th = text(f, shown, tiny, qx - 8 * MM, top + qr_side + 2 * MM,
                       qr_side + 8 * MM + PAD - 1 * MM, f->text, "qr-url", "P");
      if (top + qr_side + 2 * MM + th + 2.5 * MM > y) y = top + qr_side + 2 * MM + th + 2.5 * MM;
    }
  }
  y += PAD - 1.8 * MM;
  f->out->boxes[bg].h = y;
  f->y = y;
  group_end(f, saved, &b->key, 5 * MM);
}

static bool kept_whole(const struct block *b)
{
  return b->type == BLOCK_CALLOUT || b->type == BLOCK_ACTION || b->type == BLOCK_TIMELINE ||
         b->type == BLOCK_TABLE || b->type == BLOCK_CONTACT;
}

/* NEXT is the block after B (for keep-with-next), or NULL. */
static void render_block(struct flow *f, const struct block *b, const struct block *next)
{
  switch (b->type) {
  case BLOCK_PARAGRAPH:
    salutation(f);
    block_paragraph(f, &b->as.text);
    break;
  case BLOCK_HEADING: heading(f, b->as.text.s, "H2", next); break;
  case BLOCK_LIST: block_list(f, &b->as.list, false); break;
  case BLOCK_NUMBERED_LIST: block_list(f, &b->as.list, true); break;
  case BLOCK_CALLOUT: block_callout(f, b); break;
  case BLOCK_ACTION: block_action(f, b); break;
  case BLOCK_TIMELINE: block_timeline(f, b); break;
  case BLOCK_TABLE: block_table(f, b); break;
  case BLOCK_CONTACT: block_contact(f, b); break;
  case BLOCK_STANDARD:
    for (size_t i = 0; i < b->nsub; i++)
      render_block(f, &b->sub[i], i + 1 < b->nsub ? &b->sub[i + 1] : next);
    break;
  case BLOCK_COUNT: break;
  }
}

/* The height of a block that is kept whole, by laying it out in a dry
 * run; 0 for blocks that flow (their first lines are what counts). */
static double measure_block(struct flow *f, const struct block *b)
{
  if (b->type == BLOCK_STANDARD) return b->nsub ? measure_block(f, &b->sub[0]) : 0;
  if (!kept_whole(b) || f->measuring) return 0;
  double y = f->y;
  f->measuring = true;
  f->y = 0;
  render_block(f, b, NULL);
  double h = f->y;
  f->measuring = false;
  f->y = y;
  return h;
}

static void closing(struct flow *f)
{
  const struct letter *l = f->l;
  /* In a letter without paragraphs the salutation opens the closing, and
   * moves with it. */
  bool greet = !f->salutation_done;
  f->salutation_done = true;
  const char *name = l->signature_name.s ? l->signature_name.s : str(&l->sender.name);
  const char *role = l->signature_role.s ? l->signature_role.s : str(&l->sender.role);
  const char *org = l->sender.organisation.s ? l->sender.organisation.s : f->hs->organisation.s;
  double saved;
  group_begin(f, &saved);
  double y = 0;
  if (greet) {
    const char *s = str(&l->recipient.salutation);
    size_t n = strlen(s);
    char *t = g_strdup_printf("%s%s", s, n && s[n - 1] == ',' ? "" : ",");
    y += text(f, t, body_font(f), LEFT, y, WIDTH, f->text, "salutation", "P") + 2.5 * MM;
    g_free(t);
  }
  y += 2 * MM;
  y += text(f, l->closing.s ? l->closing.s : "Met vriendelijke groet,", body_font(f), LEFT, y,
            WIDTH, f->text, "closing", "P") + line_h(f) * 0.8;
  GString *g = g_string_new(NULL);
  g_string_append_printf(g, "**%s**\n%s", name, role);
  if (l->sender.team.s || org)
    g_string_append_printf(g, "\n%s%s%s", str(&l->sender.team),
                           l->sender.team.s && org ? ", " : "", org ? org : "");
  y += text(f, g->str, body_font(f), LEFT, y, WIDTH, f->text, "signature", "P");
  g_string_free(g, TRUE);
  f->y = y;
  group_end(f, saved, &l->subject, 6 * MM);
}

/* "Pagina X van Y" and the house style's footer line, on every page. */
static void footers(struct flow *f)
{
  struct font small = { 8, false, PANGO_ALIGN_RIGHT, false, true, false };
  struct font foot = { 7.5, false, PANGO_ALIGN_LEFT, false, true, false };
  for (size_t i = 0; i < f->d->npages; i++) {
    f->out = &f->d->pages[i];
    char buf[64];
    snprintf(buf, sizeof buf, label(f, L_PAGE), i + 1, f->d->npages);
    text(f, buf, small, RIGHT - 40 * MM, 284 * MM, 40 * MM, f->muted, "page-number", NULL);
    if (f->hs->footer.s) text(f, f->hs->footer.s, foot, LEFT, 284.4 * MM, 120 * MM, f->muted, "footer", NULL);
  }
}

/* ---- the whole letter -------------------------------------------------------- */

/* One context for the process: the cached layouts belong to it. */
static PangoContext *shared_context;

PangoContext *layout_context_new(void)
{
  if (shared_context) return g_object_ref(shared_context);
  PangoFontMap *fm = pango_cairo_font_map_get_default();
  PangoContext *ctx = pango_font_map_create_context(fm);
  /* PDF user space is in points: 72 "dpi" makes 1 pt of type 1 unit.
   * No hinting, so metrics do not depend on the output device. */
  pango_cairo_context_set_resolution(ctx, 72);
  cairo_font_options_t *fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(ctx, fo);
  cairo_font_options_destroy(fo);
  shared_context = ctx;
  return g_object_ref(ctx);
}

/* The pango line-spacing factor that gives 1.4 em for this font: pango
 * multiplies the font's own line height, which differs per font. */
static double spacing_factor(struct flow *f)
{
  PangoFontDescription *fd = pango_font_description_new();
  pango_font_description_set_family(fd, f->font);
  pango_font_description_set_size(fd, (gint)lround(f->body * PANGO_SCALE));
  PangoFontMetrics *m = pango_context_get_metrics(f->pctx, fd, NULL);
  double natural = (double)(pango_font_metrics_get_ascent(m) + pango_font_metrics_get_descent(m)) /
                   PANGO_SCALE;
  pango_font_metrics_unref(m);
  pango_font_description_free(fd);
  return natural > 0 ? LINE_SPACING * f->body / natural : 1.0;
}

static int load_logo(struct unit *u, const struct house_style *hs, struct doc *d)
{
  if (!text_present(&hs->logo)) return 0;
  char *path = g_build_filename(hs->dir ? hs->dir : ".", hs->logo.s, NULL);
  const char *why = "";
  d->logo = image_load(path, &why);
  g_free(path);
  if (d->logo) return 0;
  diag_text(&u->diags, DIAG_ERROR, "render.logo", &hs->logo, 0, 0, NULL,
            "cannot use the logo '%s': %s", hs->logo.s, why);
  return -1;
}

int layout_letter(struct unit *u, const struct letter *l, const struct house_style *hs,
                  const struct render_opts *o, PangoContext *pctx, struct doc *d)
{
  memset(d, 0, sizeof *d);
  d->arena = &u->arena;
  if (load_logo(u, hs, d) != 0) return -1;
  struct flow f = { .u = u, .l = l, .hs = hs, .pctx = pctx, .d = d, .epoch = o->epoch };
  f.font = text_present(&hs->font) ? hs->font.s : "Open Sans";
  f.body = hs->body_pt;
  f.factor = spacing_factor(&f);
  f.primary = rgb_of(&hs->primary);
  f.on_primary = rgb_of(&hs->on_primary);
  f.accent = rgb_of(&hs->accent);
  f.text = rgb_of(&hs->text);
  f.muted = rgb_of(&hs->muted);
  f.light = rgb_of(&hs->light);
  f.white = (struct rgb){ 1, 1, 1 };

  f.out = add_page(d);
  f.page = 0;
  f.top = BODY_TOP_P1;
  tag(&f, "Document", NULL);
  fold_marks(&f);
  letterhead(&f);
  address_window(&f);
  reference_block(&f);
  f.y = BODY_TOP_P1;
  f.y += text(&f, str(&l->subject), (struct font){ 17, true, PANGO_ALIGN_LEFT, false, true, false },
              LEFT, f.y, WIDTH, f.primary, "subject", "H1") + 4 * MM;
  key_message(&f);
  /* Contact blocks at the very end stand after the signature, as the
   * "questions?" panel that closes a beeldbrief. */
  size_t tail = l->nblocks;
  while (tail > 0 && l->blocks[tail - 1].type == BLOCK_CONTACT) tail--;
  for (size_t i = 0; i < tail; i++) render_block(&f, &l->blocks[i], i + 1 < tail ? &l->blocks[i + 1] : NULL);
  closing(&f);
  for (size_t i = tail; i < l->nblocks; i++)
    render_block(&f, &l->blocks[i], i + 1 < l->nblocks ? &l->blocks[i + 1] : NULL);
  end_tag(&f, "Document");
  footers(&f);
  free(f.scratch.boxes);
  return f.errors ? -1 : (int)d->npages;
}

void doc_free(struct doc *d)
{
  for (size_t p = 0; p < d->npages; p++) {
    for (size_t i = 0; i < d->pages[p].n; i++) {
      struct box *b = &d->pages[p].boxes[i];
      if (b->layout) g_object_unref(b->layout);
      free(b->bars);
    }
    free(d->pages[p].boxes);
  }
  free(d->pages);
  image_free(d->logo);
  memset(d, 0, sizeof *d);
}

static const char *const kind_names[] = {
  "text", "rect", "line", "circle", "icon", "image", "bars", "tag", "end",
};

/* The plain text of lines [line0, line1) of a text box. */
static void dump_text(FILE *out, const struct box *b)
{
  const char *all = pango_layout_get_text(b->layout);
  PangoLayoutLine *first = pango_layout_get_line_readonly(b->layout, b->line0);
  PangoLayoutLine *last = pango_layout_get_line_readonly(b->layout, b->line1 - 1);
  int from = first->start_index, to = last->start_index + last->length;
  fputs(" \"", out);
  for (int i = from; i < to; i++) {
    char ch = all[i];
    if (ch == '\n') fputs("\\n", out);
    else if (ch == '"' || ch == '\\') { fputc('\\', out); fputc(ch, out); }
    else fputc(ch, out);
  }
  fputc('"', out);
}

void doc_dump(const struct doc *d, FILE *out)
{
  int depth = 0;
  for (size_t p = 0; p < d->npages; p++) {
    fprintf(out, "page %zu of %zu\n", p + 1, d->npages);
    for (size_t i = 0; i < d->pages[p].n; i++) {
      const struct box *b = &d->pages[p].boxes[i];
      if (b->kind == BOX_END_TAG) depth--;
      fprintf(out, "%*s", 2 + 2 * (depth > 0 ? depth : 0), "");
      if (b->kind == BOX_TAG || b->kind == BOX_END_TAG) {
        fprintf(out, "%s %s%s%s%s%s\n", kind_names[b->kind], b->tag, b->attrs ? " " : "",
                b->attrs ? b->attrs : "", b->alt ? " alt=" : "", b->alt ? b->alt : "");
        if (b->kind == BOX_TAG) depth++;
        continue;
      }
      fprintf(out, "%-6s %6.1f %6.1f %6.1f %6.1f %s", kind_names[b->kind], b->x / MM, b->y / MM,
              b->w / MM, b->h / MM, b->what);
      if (b->kind == BOX_TEXT) {
        if (b->line0 || b->line1 != pango_layout_get_line_count(b->layout))
          fprintf(out, " lines %d-%d", b->line0 + 1, b->line1);
        dump_text(out, b);
        if (b->uri) fprintf(out, " -> %s", b->uri);
      }
      if (b->artifact) fputs(" (artifact)", out);
      fputc('\n', out);
    }
  }
}
