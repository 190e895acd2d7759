/* config.c - the built-in settings (see config.h). */
#include "config.h"
#include "rules.h"
#include <glib.h>
#include <string.h>

void lint_cfg_defaults(struct lint_cfg *c)
{
  memset(c, 0, sizeof *c);
  c->sentence_warn = 15;
  c->sentence_error = 25;
  c->clauses_warn = 3;
  c->long_word_syllables = 4;
  c->long_word_letters = 20;
  c->block_words = 150;
  c->paragraph_words = 100;
  /* uitnodiging, afspraakbevestiging, beschikking, verzoek, herinnering,
   * informatie, werkplan, kennismaking, algemeen */
  static const unsigned pages[LINT_CFG_KINDS] = { 2, 2, 4, 2, 2, 2, 4, 2, 4 };
  for (int i = 0; i < LINT_CFG_KINDS; i++) c->pages[i] = pages[i];
}

/* Glob P against S, both up to their ends: '*' and '?' stay within one
 * folder name, "**" (as a whole path part) spans folders. */
static bool glob_match(const char *p, const char *s)
{
  for (;;) {
    if (p[0] == '*' && p[1] == '*' && (p[2] == '/' || p[2] == '\0')) {
      const char *rest = p[2] == '/' ? p + 3 : p + 2;
      if (!*rest) return true;
      for (const char *t = s;; t++) {        /* zero or more whole folders */
        if ((t == s || t[-1] == '/') && glob_match(rest, t)) return true;
        if (!*t) return false;
      }
    }
    if (*p == '*') {
      for (const char *t = s;; t++) {
        if (glob_match(p + 1, t)) return true;
        if (!*t || *t == '/') return false;
      }
    }
    if (!*p) return !*s;
    if (!*s || *s == '/' ? *p != *s : (*p != '?' && *p != *s)) return false;
    p++;
    s++;
  }
}

/* True when the glob matches REL or one of the folders it lies in. */
static bool matches_path(const char *glob, const char *rel)
{
  bool anywhere = !strchr(glob, '/');
  char *g = g_strdup(glob);
  size_t n = strlen(g);
  while (n > 1 && g[n - 1] == '/') g[--n] = '\0';     /* "drafts/": a folder */
  bool hit = false;
  char *path = g_strdup(rel);
  for (char *end = path + strlen(path); !hit;) {
    *end = '\0';
    const char *name = strrchr(path, '/');
    hit = glob_match(g, anywhere ? (name ? name + 1 : path) : path);
    end = strrchr(path, '/');
    if (!end) break;
  }
  g_free(path);
  g_free(g);
  return hit;
}

bool lint_cfg_ignores(const struct lint_cfg *c, const char *path)
{
  if (c->nignore == 0) return false;
  char *abs = g_canonicalize_filename(path, NULL);
  char *base = g_canonicalize_filename(c->ignore_base ? c->ignore_base : ".", NULL);
  size_t bn = strlen(base);
  const char *rel = abs;
  if (!strncmp(abs, base, bn) && (abs[bn] == '/' || (bn == 1 && base[0] == '/'))) rel = abs + bn + (bn > 1);
  else if (!strcmp(abs, base)) rel = "";
  bool hit = false;
  for (size_t i = 0; i < c->nignore && !hit; i++) hit = *rel && matches_path(c->ignore[i], rel);
  g_free(base);
  g_free(abs);
  return hit;
}

bool lint_cfg_can_error(const struct lint_cfg *c, const char *prefix)
{
  size_t n, pl = strlen(prefix);
  const struct rule_info *all = rules_all(&n);
  for (size_t i = 0; i < n; i++) {
    if (strncmp(all[i].id, prefix, pl)) continue;
    int sev = (int)all[i].severity;
    for (size_t k = 0; k < c->nseverities; k++)
      if (!strcmp(c->severities[k].id, all[i].id)) sev = c->severities[k].severity;
    if (sev == DIAG_ERROR) return true;
  }
  return false;
}
