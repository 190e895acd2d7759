/* pipeline.c - the stages in order for one spec: read and validate
 * (spec/), expand (expand/). Lint passes will join here. */
#include "cli.h"
#include "../expand/expand.h"
#include "../base/util.h"
#include "../model/house.h"
#include "../model/letter.h"
#include "../model/vocab.h"
#include "../lint/lint.h"
#include "../render/render.h"
#include "../spec/spec.h"
#include <glib.h>
#include <stdlib.h>
#include <string.h>

/* Names the house style file for the letter: --house-style wins, then
 * the spec's house-style (a path relative to the spec, or a NAME looked up
 * in house-styles/ beside the spec, then in templates/house-styles/), then
 * the configuration's house-style, then the shipped default. NULL with a
 * diagnostic when a name is unknown. */
static char *find_style(struct unit *u, const char *spec_dir, const char *override,
                        const char *configured)
{
  if (override) return g_strdup(override);
  const struct text *hs = &u->letter->house_style;
  if (!text_present(hs) && configured) return g_strdup(configured);
  char *shipped = g_build_filename(datadir(), "templates", "house-styles", NULL);
  if (!text_present(hs)) {
    char *path = g_build_filename(shipped, "default.yaml", NULL);
    g_free(shipped);
    return path;
  }
  if (strchr(hs->s, '/') || g_str_has_suffix(hs->s, ".yaml")) {
    g_free(shipped);
    return g_path_is_absolute(hs->s) ? g_strdup(hs->s) : g_build_filename(spec_dir, hs->s, NULL);
  }
  char *file = g_strdup_printf("%s.yaml", hs->s);
  char *local = g_build_filename(spec_dir, "house-styles", file, NULL);
  char *found = NULL;
  if (g_file_test(local, G_FILE_TEST_IS_REGULAR)) found = g_strdup(local);
  if (!found) {
    char *p = g_build_filename(shipped, file, NULL);
    if (g_file_test(p, G_FILE_TEST_IS_REGULAR)) found = p; else g_free(p);
  }
  if (!found) {
    char buf[256];
    const char *dirs[1] = { shipped };
    const char *best = suggest_file(hs->s, dirs, 1, ".yaml", buf, sizeof buf);
    if (best)
      diag_text(&u->diags, DIAG_ERROR, "spec.house-style", hs, 0, 0, best,
                "unknown house style '%s'; did you mean '%s'?", hs->s, best);
    else
      diag_text(&u->diags, DIAG_ERROR, "spec.house-style", hs, 0, 0, NULL,
                "unknown house style '%s'", hs->s);
  }
  g_free(file);
  g_free(local);
  g_free(shipped);
  return found;
}

static int load_style(struct unit *u, const char *spec_dir, const char *override,
                      const char *configured)
{
  char *path = find_style(u, spec_dir, override, configured);
  if (!path) return -1;
  struct house_style *s = arena_alloc(&u->arena, sizeof *s);
  int rc = spec_load_house_style(u, path, s);
  g_free(path);
  if (rc != 0) return -1;
  u->style = s;
  /* Colours that fail WCAG AA are findings like any other: they stop a
   * build but not the loading of the letter. */
  render_check_style(u, s);
  return 0;
}

const struct lint_data *pipeline_lint_data(struct unit *u)
{
  static struct lint_data *data;
  static bool tried;
  if (!tried) {
    tried = true;
    data = lint_data_load(u, datadir());
  }
  return data;
}

static struct metrics last_letter;
static struct metrics *last_blocks;
static size_t last_nblocks;

const struct metrics *pipeline_metrics(const struct metrics **blocks, size_t *nblocks)
{
  *blocks = last_blocks;
  *nblocks = last_nblocks;
  return &last_letter;
}

static int find_config(struct unit *u, const char *near, const char *override,
                       struct lint_cfg *c);

/* Word lists by the paths they were loaded from: one load per process,
 * however many letters share them. */
static GHashTable *vocab_cache;

static void vocab_cache_free(void)
{
  if (vocab_cache) g_hash_table_destroy(vocab_cache);
  vocab_cache = NULL;
}

/* Loads (once) the word lists the configuration names, or the shipped
 * list, into C->vocab. */
static int load_vocab(struct unit *u, struct lint_cfg *c)
{
  char *shipped = g_build_filename(datadir(), "wordlist", "organisatie.yaml", NULL);
  c->vocab = NULL;
  /* Without a list of its own a project uses the shipped one, if any. */
  if (c->nvocab_files == 0 && !g_file_test(shipped, G_FILE_TEST_IS_REGULAR)) {
    g_free(shipped);
    return 0;
  }
  GString *key = g_string_new(NULL);
  if (c->nvocab_files == 0) g_string_append(key, shipped);
  for (size_t i = 0; i < c->nvocab_files; i++) g_string_append_printf(key, "%s\n", c->vocab_files[i]);
  if (!vocab_cache) {
    vocab_cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)vocab_free);
    atexit(vocab_cache_free);
  }
  struct vocab *v = g_hash_table_lookup(vocab_cache, key->str);
  int rc = 0;
  if (!v) {
    size_t n = c->nvocab_files ? c->nvocab_files : 1;
    for (size_t i = 0; i < n && rc == 0; i++) {
      struct vocab *one = spec_load_vocab(u, c->nvocab_files ? c->vocab_files[i] : shipped);
      if (!one) rc = -1;
      else if (!v) v = one;
      else vocab_merge(v, one);
    }
    if (rc != 0) {
      vocab_free(v);
      v = NULL;
    } else {
      lint_vocab_prepare(v);
      g_hash_table_insert(vocab_cache, g_strdup(key->str), v);
    }
  }
  c->vocab = v;
  g_string_free(key, TRUE);
  g_free(shipped);
  return rc;
}

int pipeline_config(struct unit *u, const char *near, const char *override, struct lint_cfg *c)
{
  int rc = find_config(u, near, override, c);
  return rc == 0 ? load_vocab(u, c) : rc;
}

static struct lint_set *lint_set;
static struct lint_cfg last_cfg;

unsigned pipeline_kind_pages(const struct unit *u, int *severity)
{
  *severity = DIAG_ERROR;
  for (size_t i = 0; i < last_cfg.nseverities; i++)
    if (!strcmp(last_cfg.severities[i].id, "letter.pages")) *severity = last_cfg.severities[i].severity;
  if (*severity < 0) return 0;                        /* turned off */
  return u->letter && u->letter->kind < LINT_CFG_KINDS ? last_cfg.pages[u->letter->kind] : 0;
}

void pipeline_apply_severities(struct unit *u, const struct lint_cfg *c)
{
  if (!c) c = &last_cfg;
  for (size_t i = 0; i < c->nseverities; i++)
    diag_list_set_severity(&u->diags, c->severities[i].id, c->severities[i].severity);
}

void pipeline_set_lint_set(struct lint_set *set)
{
  lint_set = set;
}

static int find_config(struct unit *u, const char *near, const char *override, struct lint_cfg *c)
{
  lint_cfg_defaults(c);
  if (override) return spec_load_config(u, override, c);
  /* The nearest .beeldbrief.yaml in NEAR's folder or above it. */
  char *dir = g_path_is_absolute(near) ? g_path_get_dirname(near)
                                       : g_canonicalize_filename(near, NULL);
  if (!g_path_is_absolute(near)) {
    char *d2 = g_path_get_dirname(dir);
    g_free(dir);
    dir = d2;
  }
  int rc = 0;
  for (;;) {
    char *cand = g_build_filename(dir, ".beeldbrief.yaml", NULL);
    bool found = g_file_test(cand, G_FILE_TEST_IS_REGULAR);
    if (found) rc = spec_load_config(u, cand, c);
    g_free(cand);
    char *up = g_path_get_dirname(dir);
    bool top = found || !strcmp(up, dir);
    g_free(dir);
    dir = up;
    if (top) break;
  }
  g_free(dir);
  return rc;
}

static const char *config_path;
static bool every_use;

void pipeline_set_config(const char *path)
{
  config_path = path;
}

void pipeline_set_every_use(bool on)
{
  every_use = on;
}

/* The configuration of each folder, for its ignore globs only: no word
 * lists loaded. Kept for the process (a walk asks once per file). */
struct folder_cfg {
  struct unit    *u;              /* owns the strings of cfg */
  struct lint_cfg cfg;
};
static GHashTable *folder_cfgs;

static void folder_cfg_free(gpointer p)
{
  struct folder_cfg *f = p;
  unit_free(f->u);
  g_free(f);
}

static void folder_cfgs_free(void)
{
  if (folder_cfgs) g_hash_table_destroy(folder_cfgs);
  folder_cfgs = NULL;
}

bool pipeline_ignored(const char *path)
{
  if (!folder_cfgs) {
    folder_cfgs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, folder_cfg_free);
    atexit(folder_cfgs_free);
  }
  char *dir = g_path_get_dirname(path);
  struct folder_cfg *f = g_hash_table_lookup(folder_cfgs, dir);
  if (!f) {
    f = g_new0(struct folder_cfg, 1);
    f->u = unit_new();
    /* A broken configuration ignores nothing; linting the file reports it. */
    if (find_config(f->u, path, config_path, &f->cfg) != 0) f->cfg.nignore = 0;
    g_hash_table_insert(folder_cfgs, g_strdup(dir), f);
  }
  g_free(dir);
  return lint_cfg_ignores(&f->cfg, path);
}

static struct unit *load(const char *path, const char *const *names, const char *const *values,
                         size_t n, bool only_values, const char *style_path);

struct unit *pipeline_load(const char *path, char **sets, size_t nsets, const char *style_path)
{
  const char **names = calloc(nsets + 1, sizeof *names);
  const char **values = calloc(nsets + 1, sizeof *values);
  for (size_t i = 0; i < nsets; i++) {
    char *eq = strchr(sets[i], '=');
    *eq = '\0';                      /* validated by the option parser */
    names[i] = sets[i];
    values[i] = eq + 1;
  }
  struct unit *u = load(path, names, values, nsets, false, style_path);
  for (size_t i = 0; i < nsets; i++) sets[i][strlen(sets[i])] = '=';
  free(names);
  free(values);
  return u;
}

struct unit *pipeline_load_record(const char *path, const char *const *names,
                                  const char *const *values, size_t n)
{
  return load(path, names, values, n, true, NULL);
}

static struct unit *load(const char *path, const char *const *names, const char *const *values,
                         size_t nsets, bool only_values, const char *style_path)
{
  memset(&last_letter, 0, sizeof last_letter);
  free(last_blocks);
  last_blocks = NULL;
  last_nblocks = 0;
  struct unit *u = unit_new();
  if (spec_load_file(u, path) != 0) {
    u->letter = NULL;
    return u;
  }
#ifndef NDEBUG
  if (letter_check(u->letter, stderr) != 0) abort();
#endif
  /* Standard blocks: beside the spec first, then the shipped templates. */
  char *spec_dir = g_path_get_dirname(path);
  char *local = g_build_filename(spec_dir, "blocks", NULL);
  char *shipped = g_build_filename(datadir(), "templates", "blocks", NULL);
  const char *dirs[2] = { local, shipped };
  struct expand_opts o = { dirs, 2, names, values, nsets, only_values };
  if (expand_letter(u, &o) != 0) u->letter = NULL;
  struct lint_cfg cfg;
  if (u->letter && pipeline_config(u, path, config_path, &cfg) != 0) u->letter = NULL;
  if (u->letter && load_style(u, spec_dir, style_path, cfg.house_style) != 0) u->letter = NULL;
  /* Every check runs before anything is rendered. */
  if (u->letter) {
    const struct lint_data *d = pipeline_lint_data(u);
    last_nblocks = u->letter->nblocks;
    last_blocks = calloc(last_nblocks ? last_nblocks : 1, sizeof *last_blocks);
    cfg.personal_phone = u->style->allow_personal_phone;
    cfg.every_use = every_use;
    cfg.errors_only = only_values;   /* a mailing's record: only errors reject it */
    if (d) lint_letter(u, d, &cfg, u->letter, lint_set, &last_letter, last_blocks);
    else u->letter = NULL;
    last_cfg = cfg;
    pipeline_apply_severities(u, &cfg);
    lint_suppressions(u, u->src);
  }
  g_free(local);
  g_free(shipped);
  g_free(spec_dir);
  return u;
}

int pipeline_exit_code(const struct unit *u)
{
  if (!u->letter) return EXIT_USAGE;
  return diag_list_has_errors(&u->diags) ? EXIT_FINDINGS : EXIT_OK;
}
