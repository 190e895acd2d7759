/* test_fix.c - safe fixes: when diag_fix_text offers one, and how
 * fix/ applies them (diff, conflicts, YAML structure kept). */
#include "harness.h"
#include "../../src/base/unit.h"
#include "../../src/fix/fix.h"
#include "../../src/spec/spec.h"
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The scalar value of KEY in the top-level map ROOT (of a list: its
 * last item). */
static const struct text *value(const struct spec_node *root, const char *key)
{
  const struct spec_node *n = spec_map_get(root, key);
  if (n && n->kind == SPEC_SEQ && n->n) n = n->kids[n->n - 1];
  return n && n->kind == SPEC_SCALAR ? &n->text : NULL;
}

/* diag_fix_text for the first WORD in the value of KEY. */
static bool fixable(struct unit *u, const struct spec_node *root, const char *key, const char *word,
                    const char *replacement)
{
  const struct text *t = value(root, key);
  if (!t) return false;
  const char *at = strstr(t->s, word);
  if (!at) return false;
  struct diag *d = diag_text(&u->diags, DIAG_WARNING, "test.rule", t, (size_t)(at - t->s),
                             strlen(word), NULL, "x");
  return diag_fix_text(&u->diags, d, t, (size_t)(at - t->s), strlen(word), replacement);
}

static const char yaml[] =
  "plain: Indien u belt  # comment\n"
  "double: \"Wij \\\"trachten\\\" het.\\tIndien nodig\"\n"
  "single: 'Het is ''reeds'' klaar'\n"
  "folded: >\n"
  "  Wij hebben een vraag met betrekking\n"
  "  tot uw inkomen.\n"
  "flow: [een, indien]\n";

static void test_fix_text(void)
{
  struct unit *u = unit_new();
  struct srcfile *sf = srcfile_from_mem("t.yaml", yaml, strlen(yaml));
  unit_adopt_file(u, sf);
  const struct spec_node *root = spec_parse(u, sf);
  OK(root != NULL);
  if (!root) { unit_free(u); return; }

  CASE("diag_fix_text: words as written, in every scalar style");
  OK(fixable(u, root, "plain", "Indien", "Als"));
  OK(fixable(u, root, "double", "trachten", "proberen"));    /* between escapes */
  OK(fixable(u, root, "double", "Indien", "Als"));           /* after a \t escape */
  OK(fixable(u, root, "single", "reeds", "al"));
  OK(fixable(u, root, "folded", "inkomen", "geld"));
  OK(fixable(u, root, "flow", "indien", "als"));
  const struct diag *d = &u->diags.items[0];
  OK(d->fix && !strcmp(d->fix, "Als") && d->fix_start == 7 && d->fix_end == 13);

  CASE("diag_fix_text: refused where the bytes are not the words as written");
  OK(!fixable(u, root, "single", "'reeds'", "al"));          /* '' is an escape */
  OK(!fixable(u, root, "double", "\"trachten\"", "x"));      /* \" is an escape */
  OK(!fixable(u, root, "folded", "betrekking tot", "over")); /* across a folded line */

  CASE("diag_fix_text: refused when the replacement could change the YAML");
  OK(!fixable(u, root, "plain", "belt", "belt: nu"));        /* a mapping */
  OK(!fixable(u, root, "plain", "belt", "belt #1"));         /* a comment */
  OK(!fixable(u, root, "plain", "Indien", "- als"));         /* a list item at the start */
  OK(!fixable(u, root, "plain", "Indien", "&als"));          /* an anchor at the start */
  OK(!fixable(u, root, "single", "reeds", "al'"));           /* a quote */
  OK(!fixable(u, root, "double", "trachten", "a\\b"));       /* an escape */
  OK(!fixable(u, root, "flow", "indien", "als, of"));        /* a comma in [..] */
  OK(!fixable(u, root, "plain", "belt", "belt\nnu"));        /* a line break */
  OK(!fixable(u, root, "plain", "belt", " belt"));           /* space at the edge */
  OK(fixable(u, root, "folded", "inkomen", "€ 1.250,00"));   /* a comma outside [..] is fine */
  unit_free(u);
}

static char *tmpfile_with(const char *content)
{
  char *path = g_build_filename(g_get_tmp_dir(), "bb-fix-XXXXXX.yaml", NULL);
  int fd = g_mkstemp(path);
  OK(fd >= 0);
  if (fd >= 0) {
    OK(write(fd, content, strlen(content)) == (ssize_t)strlen(content));
    close(fd);
  }
  return path;
}

/* Lints nothing: loads PATH and offers the fix WORD -> REPL by hand. */
static struct unit *with_fix(const char *path, const char *word, const char *repl)
{
  struct unit *u = unit_new();
  const char *why;
  struct srcfile *sf = srcfile_load(path, &why);
  unit_adopt_file(u, sf);
  const char *at = strstr(sf->data, word);
  struct diag d = { .file = sf->name, .src = sf, .line = 1, .col = 1, .rule_id = "test.rule",
                    .severity = DIAG_WARNING, .message = "x", .fix = repl, .fix_src = sf,
                    .fix_start = (size_t)(at - sf->data), .fix_end = (size_t)(at - sf->data) + strlen(word) };
  diag_add(&u->diags, &d);
  return u;
}

static void test_apply(void)
{
  CASE("fixes_apply --dry-run: a unified diff with context, nothing written");
  const char *src = "# kop\na: 1\nb: 2\nc: 3\nd: Indien u belt\ne: 5\nf: 6\ng: 7\nh: 8\n";
  char *path = tmpfile_with(src);
  struct unit *u = with_fix(path, "Indien", "Als");
  struct fixes *fx = fixes_new();
  INT_EQ(fixes_collect(fx, &u->diags), 1);
  INT_EQ(fixes_collect(fx, &u->diags), 0);                    /* the same fix twice: once */
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  struct unit *r = unit_new();
  INT_EQ(fixes_apply(fx, true, out, r), 1);
  fclose(out);
  char *want = g_strdup_printf("--- %s\n+++ %s\n@@ -2,7 +2,7 @@\n a: 1\n b: 2\n c: 3\n"
                               "-d: Indien u belt\n+d: Als u belt\n e: 5\n f: 6\n g: 7\n", path, path);
  STR_EQ(buf, want);
  char *now = NULL;
  g_file_get_contents(path, &now, NULL, NULL);
  STR_EQ(now, src);
  g_free(now);
  g_free(want);
  free(buf);
  fixes_free(fx);

  CASE("fixes_apply: writes the file in place");
  fx = fixes_new();
  fixes_collect(fx, &u->diags);
  out = open_memstream(&buf, &len);
  INT_EQ(fixes_apply(fx, false, out, r), 1);
  fclose(out);
  free(buf);
  g_file_get_contents(path, &now, NULL, NULL);
  OK(strstr(now, "d: Als u belt\n") != NULL && strlen(now) == strlen(src) - 3);
  g_free(now);
  INT_EQ(r->diags.n, 0);
  fixes_free(fx);
  unit_free(u);

  CASE("fixes_apply: a file changed on disk since it was read is left alone");
  u = with_fix(path, "Als", "Indien");
  fx = fixes_new();
  fixes_collect(fx, &u->diags);
  g_file_set_contents(path, "a: changed\n", -1, NULL);
  INT_EQ(fixes_apply(fx, false, stdout, r), 0);
  OK(r->diags.n == 1 && !strcmp(r->diags.items[0].rule_id, "fix.conflict"));
  g_file_get_contents(path, &now, NULL, NULL);
  STR_EQ(now, "a: changed\n");
  g_free(now);
  fixes_free(fx);
  unit_free(u);
  unit_free(r);

  CASE("fixes_apply: a fix that would change the YAML structure is refused");
  g_file_set_contents(path, "a: Indien u belt\n", -1, NULL);
  u = with_fix(path, "Indien", "x: y");                        /* made by hand, past diag_fix_text */
  r = unit_new();
  fx = fixes_new();
  fixes_collect(fx, &u->diags);
  INT_EQ(fixes_apply(fx, false, stdout, r), 0);
  OK(r->diags.n == 1 && strstr(r->diags.items[0].message, "structure") != NULL);
  g_file_get_contents(path, &now, NULL, NULL);
  STR_EQ(now, "a: Indien u belt\n");
  g_free(now);
  fixes_free(fx);
  unit_free(u);
  unit_free(r);
  remove(path);
  g_free(path);
}

void test_fix(void);
void test_fix(void)
{
  test_fix_text();
  test_apply();
}
