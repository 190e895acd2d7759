/* spec_build.c - a validated spec_node tree -> struct letter.
 *
 * Runs only after spec_validate() found no errors, so every lookup here
 * may assume the types the schema promises. Absent optional keys stay
 * absent (text.s == NULL): defaults such as "Wat moet u doen?" belong to
 * the renderer and its language, not to the model. */
#include "spec_int.h"
#include "../base/util.h"
#include "../model/config.h"
#include "../model/house.h"
#include "../model/letter.h"
#include "../model/rules.h"
#include <glib.h>
#include <stdlib.h>
#include <string.h>

const struct spec_node *spec_map_get(const struct spec_node *map, const char *key)
{
  if (!map || map->kind != SPEC_MAP) return NULL;
  for (size_t i = 0; i + 1 < map->n; i += 2)
    if (map->kids[i]->kind == SPEC_SCALAR && strcmp(map->kids[i]->text.s, key) == 0)
      return map->kids[i + 1];
  return NULL;
}

static struct text text_of(const struct spec_node *map, const char *key)
{
  const struct spec_node *n = spec_map_get(map, key);
  struct text none = { 0 };
  return n && n->kind == SPEC_SCALAR ? n->text : none;
}

/* text or list of texts -> textlist */
static struct textlist lines_of(struct unit *u, const struct spec_node *n)
{
  struct textlist tl = { 0 };
  if (!n) return tl;
  if (n->kind == SPEC_SCALAR) {
    tl.items = arena_alloc(&u->arena, sizeof *tl.items);
    tl.items[0] = n->text;
    tl.n = 1;
    return tl;
  }
  tl.items = arena_alloc(&u->arena, (n->n ? n->n : 1) * sizeof *tl.items);
  for (size_t i = 0; i < n->n; i++) tl.items[i] = n->kids[i]->text;
  tl.n = n->n;
  return tl;
}

static int enum_of(const struct spec_node *map, const char *key,
                   const char *const *names, size_t n, int dflt)
{
  const struct spec_node *v = spec_map_get(map, key);
  if (!v) return dflt;
  int i = letter_name_index(names, n, v->text.s);
  return i >= 0 ? i : dflt;
}

static void build_action(struct unit *u, struct block *b, const struct spec_node *m)
{
  const struct spec_node *items = spec_map_get(m, "items");
  b->as.action.title = text_of(m, "title");
  b->as.action.n = items->n;
  b->as.action.items = arena_alloc(&u->arena, items->n * sizeof *b->as.action.items);
  for (size_t i = 0; i < items->n; i++) {
    const struct spec_node *it = items->kids[i];
    struct action_item *a = &b->as.action.items[i];
    a->what = text_of(it, "what");
    a->detail = text_of(it, "detail");
    a->when = text_of(it, "when");
    a->where = text_of(it, "where");
    a->bring = lines_of(u, spec_map_get(it, "bring"));
    a->icon = (enum icon)enum_of(it, "icon", icon_names, ICON_COUNT, ICON_NONE);
  }
}

static void build_timeline(struct unit *u, struct block *b, const struct spec_node *m)
{
  const struct spec_node *steps = spec_map_get(m, "steps");
  const struct spec_node *cur = spec_map_get(m, "current");
  b->as.timeline.title = text_of(m, "title");
  b->as.timeline.current = cur ? (unsigned)atoi(cur->text.s) : 0;
  b->as.timeline.n = steps->n;
  b->as.timeline.steps = arena_alloc(&u->arena, steps->n * sizeof *b->as.timeline.steps);
  for (size_t i = 0; i < steps->n; i++) {
    b->as.timeline.steps[i].title = text_of(steps->kids[i], "title");
    b->as.timeline.steps[i].date = text_of(steps->kids[i], "date");
    b->as.timeline.steps[i].text = text_of(steps->kids[i], "text");
  }
}

static void build_table(struct unit *u, struct block *b, const struct spec_node *m)
{
  const struct spec_node *rows = spec_map_get(m, "rows");
  const struct spec_node *align = spec_map_get(m, "align");
  b->as.table.title = text_of(m, "title");
  b->as.table.columns = lines_of(u, spec_map_get(m, "columns"));
  size_t ncol = b->as.table.columns.n;
  b->as.table.align = arena_alloc(&u->arena, ncol * sizeof *b->as.table.align);
  for (size_t c = 0; c < ncol; c++) {
    int a = align ? letter_name_index(align_names, ALIGN_COUNT, align->kids[c]->text.s) : 0;
    b->as.table.align[c] = a > 0 ? (enum align)a : ALIGN_LEFT;
  }
  b->as.table.nrows = rows->n;
  b->as.table.rows = arena_alloc(&u->arena, rows->n * sizeof *b->as.table.rows);
  for (size_t r = 0; r < rows->n; r++) b->as.table.rows[r] = lines_of(u, rows->kids[r]);
}

static void build_block(struct unit *u, struct block *b, const struct spec_node *item)
{
  /* The type is the first key that is not a condition (validated). */
  size_t ti = item->n;
  for (size_t j = 0; j + 1 < item->n; j += 2) {
    const char *k = item->kids[j]->text.s;
    if (!strcmp(k, "if")) b->cond_if = item->kids[j + 1]->text;
    else if (!strcmp(k, "unless")) b->cond_unless = item->kids[j + 1]->text;
    else if (ti == item->n) ti = j;
  }
  const struct spec_node *key = item->kids[ti], *val = item->kids[ti + 1];
  const char *names[BLOCK_COUNT];
  for (size_t i = 0; i < BLOCK_COUNT; i++) names[i] = block_type_names[i];
  b->type = (enum block_type)letter_name_index(names, BLOCK_COUNT, key->text.s);
  b->key = key->text;
  switch (b->type) {
  case BLOCK_PARAGRAPH:
  case BLOCK_HEADING:
  case BLOCK_STANDARD:
    b->as.text = val->text;
    break;
  case BLOCK_LIST:
  case BLOCK_NUMBERED_LIST:
    b->as.list = lines_of(u, val);
    break;
  case BLOCK_CALLOUT:
    b->as.callout.style = (enum callout_style)enum_of(val, "style", callout_style_names,
                                                      CALLOUT_COUNT, CALLOUT_INFO);
    b->as.callout.icon = (enum icon)enum_of(val, "icon", icon_names, ICON_COUNT, ICON_NONE);
    b->as.callout.title = text_of(val, "title");
    b->as.callout.text = text_of(val, "text");
    break;
  case BLOCK_ACTION: build_action(u, b, val); break;
  case BLOCK_TIMELINE: build_timeline(u, b, val); break;
  case BLOCK_TABLE: build_table(u, b, val); break;
  case BLOCK_CONTACT:
    b->as.contact.title = text_of(val, "title");
    b->as.contact.phone = text_of(val, "phone");
    b->as.contact.hours = text_of(val, "hours");
    b->as.contact.website = text_of(val, "website");
    b->as.contact.email = text_of(val, "email");
    b->as.contact.text = text_of(val, "text");
    b->as.contact.qr = text_of(val, "qr");
    b->as.contact.post = lines_of(u, spec_map_get(val, "post"));
    break;
  case BLOCK_COUNT: break;
  }
}

int spec_build_blocks(struct unit *u, const struct spec_node *seq,
                      struct block **out, size_t *n)
{
  *n = seq->n;
  *out = arena_alloc(&u->arena, (seq->n ? seq->n : 1) * sizeof **out);
  for (size_t i = 0; i < seq->n; i++) build_block(u, &(*out)[i], seq->kids[i]);
  return 0;
}

struct letter *spec_build_letter(struct unit *u, const struct spec_node *root)
{
  struct letter *l = arena_alloc(&u->arena, sizeof *l);
  l->file = root->text.file;
  l->kind_text = text_of(root, "kind");
  l->kind = (enum letter_kind)letter_name_index(letter_kind_names, KIND_COUNT, l->kind_text.s);
  l->language = text_of(root, "language");
  l->house_style = text_of(root, "house-style");
  l->date = text_of(root, "date");
  if (l->date.s && !strstr(l->date.s, "{{")) {
    l->year = atoi(l->date.s);
    l->month = atoi(l->date.s + 5);
    l->day = atoi(l->date.s + 8);
  }
  l->reference = text_of(root, "reference");
  l->your_reference = text_of(root, "your-reference");
  l->subject = text_of(root, "subject");
  l->urgency = text_of(root, "urgency");

  const struct spec_node *s = spec_map_get(root, "sender");
  l->sender.name = text_of(s, "name");
  l->sender.role = text_of(s, "role");
  l->sender.team = text_of(s, "team");
  l->sender.organisation = text_of(s, "organisation");
  l->sender.phone = text_of(s, "phone");
  l->sender.hours = text_of(s, "hours");
  l->sender.website = text_of(s, "website");
  l->sender.email = text_of(s, "email");
  l->sender.address = lines_of(u, spec_map_get(s, "address"));

  const struct spec_node *r = spec_map_get(root, "recipient");
  l->recipient.name = text_of(r, "name");
  l->recipient.salutation = text_of(r, "salutation");
  l->recipient.address = lines_of(u, spec_map_get(r, "address"));
  l->recipient.postcode = text_of(r, "postcode");
  l->recipient.city = text_of(r, "city");
  l->recipient.country = text_of(r, "country");

  const struct spec_node *k = spec_map_get(root, "key-message");
  l->key_title = text_of(k, "title");
  l->key_text = text_of(k, "text");

  spec_build_blocks(u, spec_map_get(root, "blocks"), &l->blocks, &l->nblocks);

  l->closing = text_of(root, "closing");
  const struct spec_node *sig = spec_map_get(root, "signature");
  l->signature_name = text_of(sig, "name");
  l->signature_role = text_of(sig, "role");

  l->ignore_words = lines_of(u, spec_map_get(root, "ignore-words"));
  const struct spec_node *vars = spec_map_get(root, "variables");
  if (vars) {
    l->nvars = vars->n / 2;
    l->vars = arena_alloc(&u->arena, (l->nvars ? l->nvars : 1) * sizeof *l->vars);
    for (size_t i = 0; i < l->nvars; i++) {
      l->vars[i].name = vars->kids[2 * i]->text;
      l->vars[i].value = vars->kids[2 * i + 1]->text;
    }
  }
  return l;
}

/* ---- loading ------------------------------------------------------------- */

const struct spec_node *spec_parse_validate(struct unit *u, struct srcfile *sf,
                                            const struct skey *keys, const char *what)
{
  unit_adopt_file(u, sf);
  const struct spec_node *root = spec_parse(u, sf);
  if (!root) return NULL;
  if (spec_validate(u, root, keys, what) > 0) return NULL;
  return root;
}

static int load(struct unit *u, struct srcfile *sf)
{
  u->src = sf;
  const struct spec_node *root = spec_parse_validate(u, sf, spec_letter_keys, "the letter");
  if (!root) return -1;
  u->letter = spec_build_letter(u, root);
  return u->letter ? 0 : -1;
}

int spec_load_file(struct unit *u, const char *path)
{
  const char *why = NULL;
  struct srcfile *sf = srcfile_load(path, &why);
  if (!sf) {
    diag_file(&u->diags, DIAG_ERROR, "io.read", path, "cannot read the spec: %s", why);
    return -1;
  }
  return load(u, sf);
}

int spec_load_mem(struct unit *u, const char *name, const char *data, size_t len)
{
  return load(u, srcfile_from_mem(name, data, len));
}

int spec_load_blocks(struct unit *u, const char *path, struct block **out, size_t *n)
{
  const char *why = NULL;
  struct srcfile *sf = srcfile_load(path, &why);
  if (!sf) {
    diag_file(&u->diags, DIAG_ERROR, "io.read", path, "cannot read the standard block: %s", why);
    return -1;
  }
  const struct spec_node *root =
    spec_parse_validate(u, sf, spec_blockfile_keys, "the standard text block");
  if (!root) return -1;
  return spec_build_blocks(u, spec_map_get(root, "blocks"), out, n);
}

static double number_of(const struct spec_node *map, const char *key, double dflt)
{
  const struct spec_node *n = spec_map_get(map, key);
  return n ? strtod(n->text.s, NULL) : dflt;
}

static void colour_of(const struct spec_node *map, const char *key, struct colour *c)
{
  const struct spec_node *n = spec_map_get(map, key);
  if (!n) return;
  spec_parse_colour(n->text.s, &c->r, &c->g, &c->b);
  c->src = n->text;
}

int spec_load_house_style(struct unit *u, const char *path, struct house_style *s)
{
  house_style_defaults(s);
  const char *why = NULL;
  struct srcfile *sf = srcfile_load(path, &why);
  if (!sf) {
    diag_file(&u->diags, DIAG_ERROR, "io.read", path, "cannot read the house style: %s", why);
    return -1;
  }
  const struct spec_node *root = spec_parse_validate(u, sf, spec_house_keys, "the house style");
  if (!root) return -1;
  char *dir = g_path_get_dirname(path);
  s->file = sf;
  s->dir = arena_strdup(&u->arena, dir);
  g_free(dir);
  s->organisation = text_of(root, "organisation");
  s->logo = text_of(root, "logo");
  s->logo_width_mm = number_of(root, "logo-width", s->logo_width_mm);
  s->letterhead = lines_of(u, spec_map_get(root, "letterhead"));
  s->return_address = lines_of(u, spec_map_get(root, "return-address"));
  s->footer = text_of(root, "footer");
  s->font = text_of(root, "font");
  s->body_pt = number_of(root, "body-size", s->body_pt);
  s->window = (enum window_side)enum_of(root, "window", window_side_names, WINDOW_COUNT,
                                        WINDOW_LEFT);
  s->max_pages = (unsigned)number_of(root, "max-pages", s->max_pages);
  const struct spec_node *app = spec_map_get(root, "allow-personal-phone");
  s->allow_personal_phone = app && !strcmp(app->text.s, "true");
  const struct spec_node *c = spec_map_get(root, "colours");
  colour_of(c, "primary", &s->primary);
  colour_of(c, "on-primary", &s->on_primary);
  colour_of(c, "accent", &s->accent);
  colour_of(c, "text", &s->text);
  colour_of(c, "muted", &s->muted);
  colour_of(c, "light", &s->light);
  colour_of(c, "warning", &s->warning);
  colour_of(c, "warning-light", &s->warning_light);
  colour_of(c, "success", &s->success);
  colour_of(c, "success-light", &s->success_light);
  return 0;
}

_Static_assert(LINT_CFG_KINDS == KIND_COUNT, "config.h counts the letter kinds");

/* `vocabulary:` names word list files relative to the configuration. */
static int config_vocabulary(struct unit *u, const char *path, const struct spec_node *n,
                             struct lint_cfg *c)
{
  if (!n) return 0;
  struct textlist files = lines_of(u, n);
  if (files.n > LINT_CFG_MAX_VOCAB) {
    diag_text(&u->diags, DIAG_ERROR, "spec.value", &files.items[LINT_CFG_MAX_VOCAB], 0, 0, NULL,
              "at most %d word lists; join the others into one file", LINT_CFG_MAX_VOCAB);
    return -1;
  }
  char *dir = g_path_get_dirname(path);
  c->nvocab_files = 0;
  for (size_t i = 0; i < files.n; i++) {
    const char *f = files.items[i].s;
    char *p = g_path_is_absolute(f) ? g_strdup(f) : g_build_filename(dir, f, NULL);
    c->vocab_files[c->nvocab_files++] = arena_strdup(&u->arena, p);
    g_free(p);
  }
  g_free(dir);
  return 0;
}

/* `house-style:` and `ignore:`, both relative to the configuration. */
static int config_paths(struct unit *u, const char *path, const struct spec_node *root,
                        struct lint_cfg *c)
{
  char *dir = g_path_get_dirname(path);
  const struct spec_node *hs = spec_map_get(root, "house-style");
  if (hs) {
    const char *f = hs->text.s;
    char *p = g_path_is_absolute(f) ? g_strdup(f) : g_build_filename(dir, f, NULL);
    c->house_style = arena_strdup(&u->arena, p);
    g_free(p);
  }
  const struct spec_node *ig = spec_map_get(root, "ignore");
  int rc = 0;
  if (ig) {
    struct textlist globs = lines_of(u, ig);
    if (globs.n > LINT_CFG_MAX_IGNORE) {
      diag_text(&u->diags, DIAG_ERROR, "spec.value", &globs.items[LINT_CFG_MAX_IGNORE], 0, 0, NULL,
                "at most %d ignore globs", LINT_CFG_MAX_IGNORE);
      rc = -1;
    }
    c->nignore = 0;
    c->ignore_base = arena_strdup(&u->arena, dir);
    for (size_t i = 0; i < globs.n && rc == 0; i++) {
      const char *g = globs.items[i].s;
      if (!*g || g[0] == '/') {
        diag_text(&u->diags, DIAG_ERROR, "spec.value", &globs.items[i], 0, 0, NULL,
                  "an ignore glob is relative to the configuration's folder, like 'concepten/**'");
        rc = -1;
        break;
      }
      c->ignore[c->nignore++] = arena_strdup(&u->arena, g);
    }
  }
  g_free(dir);
  return rc;
}

int spec_load_config(struct unit *u, const char *path, struct lint_cfg *c)
{
  const char *why = NULL;
  struct srcfile *sf = srcfile_load(path, &why);
  if (!sf) {
    diag_file(&u->diags, DIAG_ERROR, "io.read", path, "cannot read the configuration: %s", why);
    return -1;
  }
  const struct spec_node *root = spec_parse_validate(u, sf, spec_config_keys, "the configuration");
  if (!root) return -1;
  const struct spec_node *r = spec_map_get(root, "readability");
  c->sentence_warn = (unsigned)number_of(r, "sentence-warning", c->sentence_warn);
  c->sentence_error = (unsigned)number_of(r, "sentence-error", c->sentence_error);
  c->clauses_warn = (unsigned)number_of(r, "clauses", c->clauses_warn);
  c->long_word_syllables = (unsigned)number_of(r, "long-word-syllables", c->long_word_syllables);
  c->long_word_letters = (unsigned)number_of(r, "long-word-letters", c->long_word_letters);
  if (config_vocabulary(u, path, spec_map_get(root, "vocabulary"), c) != 0) return -1;
  if (config_paths(u, path, root, c) != 0) return -1;
  const struct spec_node *lt = spec_map_get(root, "letter");
  c->block_words = (unsigned)number_of(lt, "block-words", c->block_words);
  c->paragraph_words = (unsigned)number_of(lt, "paragraph-words", c->paragraph_words);
  const struct spec_node *pages = spec_map_get(lt, "pages");
  for (int k = 0; k < KIND_COUNT && k < LINT_CFG_KINDS; k++)
    c->pages[k] = (unsigned)number_of(pages, letter_kind_names[k], c->pages[k]);
  const struct spec_node *rules = spec_map_get(root, "rules");
  for (size_t i = 0; rules && i + 1 < rules->n; i += 2) {
    if (c->nseverities == LINT_CFG_MAX_RULES) break;
    c->severities[c->nseverities].id = arena_strdup(&u->arena, rules->kids[i]->text.s);
    c->severities[c->nseverities].severity = rules_parse_severity(rules->kids[i + 1]->text.s);
    c->nseverities++;
  }
  if (c->sentence_error < c->sentence_warn) {
    const struct spec_node *at = spec_map_get(r, "sentence-error");
    if (at) diag_span(&u->diags, DIAG_ERROR, "spec.value", sf, at->text.start, at->text.end, NULL,
                      "'sentence-error' (%u) is below 'sentence-warning' (%u)",
                      c->sentence_error, c->sentence_warn);
    return at ? -1 : 0;
  }
  return 0;
}
