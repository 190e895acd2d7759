/* lint_suppress.c - findings an editor has looked at and accepted, marked
 * in the spec itself with a comment and a reason:
 *
 *   # beeldbrief: disable-next-line RULE[, RULE...] -- reason
 *   # beeldbrief: disable RULE[, RULE...] -- reason      (until enable or the end)
 *   # beeldbrief: enable RULE[, RULE...]
 *   # beeldbrief: disable-file RULE[, RULE...] -- reason
 *
 * A suppression without a reason, with an unknown rule, or that matches
 * no finding is itself a finding (lint.suppression, lint.unused-suppression),
 * so that suppressions cannot pile up unseen. */
#include "lint.h"
#include "../model/rules.h"
#include <glib.h>
#include <string.h>

enum sup_kind { SUP_NEXT_LINE, SUP_BLOCK, SUP_FILE };

struct suppression {
  enum sup_kind kind;
  char         *rule;
  unsigned      line;           /* of the comment */
  unsigned      col;
  unsigned      from, to;       /* lines it covers, inclusive */
  bool          used;
};

/* The line after LINE that is not blank and not a comment. */
static unsigned next_content_line(const struct srcfile *sf, unsigned line)
{
  for (unsigned l = line + 1; l <= sf->nlines; l++) {
    size_t len;
    const char *s = srcfile_line(sf, l, &len);
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
    if (i < len && s[i] != '#') return l;
  }
  return line + 1;
}

static void parse_line(struct unit *u, const struct srcfile *sf, unsigned line, GArray *sups)
{
  size_t len;
  const char *s = srcfile_line(sf, line, &len);
  char *text = g_strndup(s, len);
  char *mark = strstr(text, "# beeldbrief:");
  if (!mark) { g_free(text); return; }
  size_t off = sf->lines[line - 1] + (size_t)(mark - text);
  char *body = g_strstrip(mark + strlen("# beeldbrief:"));
  char *reason = strstr(body, "--");
  if (reason) { *reason = '\0'; reason = g_strstrip(reason + 2); }
  char **words = g_strsplit_set(g_strstrip(body), " ,", -1);
  const char *verb = words[0] ? words[0] : "";
  enum sup_kind kind;
  bool enable = !strcmp(verb, "enable");
  if (!strcmp(verb, "disable-next-line")) kind = SUP_NEXT_LINE;
  else if (!strcmp(verb, "disable") || enable) kind = SUP_BLOCK;
  else if (!strcmp(verb, "disable-file")) kind = SUP_FILE;
  else {
    diag_span(&u->diags, DIAG_WARNING, "lint.suppression", sf, off, off + strlen(mark), NULL,
              "'%s' is not a beeldbrief comment; use disable-next-line, disable, enable or "
              "disable-file", verb);
    g_strfreev(words);
    g_free(text);
    return;
  }
  if (!enable && (!reason || !*reason))
    diag_span(&u->diags, DIAG_WARNING, "lint.suppression", sf, off, off + strlen(mark), NULL,
              "a suppression needs a reason: '# beeldbrief: %s RULE -- why'", verb);
  bool any = false;
  for (char **w = words + 1; *w; w++) {
    if (!**w) continue;
    any = true;
    if (!rules_find(*w)) {
      diag_span(&u->diags, DIAG_WARNING, "lint.suppression", sf, off, off + strlen(mark), NULL,
                "unknown rule '%s'; 'beeldbrief rules' lists them", *w);
      continue;
    }
    if (enable) {
      /* closes the open block of this rule */
      for (guint i = sups->len; i-- > 0;) {
        struct suppression *p = &g_array_index(sups, struct suppression, i);
        if (p->kind == SUP_BLOCK && p->to == G_MAXUINT && !strcmp(p->rule, *w)) { p->to = line; break; }
      }
      continue;
    }
    struct suppression sup = { kind, g_strdup(*w), line, (unsigned)(mark - text) + 1, 0, 0, false };
    if (kind == SUP_NEXT_LINE) sup.from = sup.to = next_content_line(sf, line);
    if (kind == SUP_BLOCK) { sup.from = line; sup.to = G_MAXUINT; }
    if (kind == SUP_FILE) { sup.from = 1; sup.to = G_MAXUINT; }
    g_array_append_val(sups, sup);
  }
  if (!any)
    diag_span(&u->diags, DIAG_WARNING, "lint.suppression", sf, off, off + strlen(mark), NULL,
              "name the rule: '# beeldbrief: %s RULE -- why'", verb);
  g_strfreev(words);
  g_free(text);
}

void lint_suppressions(struct unit *u, const struct srcfile *sf)
{
  if (!sf || !strstr(sf->data, "# beeldbrief:")) return;
  GArray *sups = g_array_new(FALSE, TRUE, sizeof(struct suppression));
  for (unsigned line = 1; line <= sf->nlines; line++) parse_line(u, sf, line, sups);
  /* drop the findings a suppression covers */
  size_t kept = 0;
  struct diag_list *l = &u->diags;
  for (size_t i = 0; i < l->n; i++) {
    struct diag *d = &l->items[i];
    bool hidden = false;
    for (guint j = 0; j < sups->len && !hidden && d->src == sf && d->rule_id; j++) {
      struct suppression *s = &g_array_index(sups, struct suppression, j);
      if (!strcmp(s->rule, d->rule_id) && d->line >= s->from && d->line <= s->to) {
        hidden = true;
        s->used = true;
      }
    }
    if (hidden) { l->count[d->severity]--; continue; }
    l->items[kept++] = *d;
  }
  l->n = kept;
  for (guint j = 0; j < sups->len; j++) {
    struct suppression *s = &g_array_index(sups, struct suppression, j);
    if (!s->used) {
      size_t off = sf->lines[s->line - 1] + s->col - 1;
      diag_span(&u->diags, DIAG_WARNING, "lint.unused-suppression", sf, off, off + 1, NULL,
                "this suppression of %s matches no finding; remove it", s->rule);
    }
    g_free(s->rule);
  }
  g_array_free(sups, TRUE);
}
