/* test_diag.c - the diagnostic list: sorting, counting, and the exact
 * compiler-style text of diag_print. */
#include "harness.h"
#include "../../src/base/diag.h"
#include "../../src/base/unit.h"
#include "../../src/spec/spec.h"
#include <stdlib.h>

/* diag_print into a string; the caller frees it. */
static char *printed(const struct diag *d, bool color)
{
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&buf, &n);
  if (!f) return NULL;
  diag_print(f, d, color);
  fclose(f);
  return buf;
}

#define PRINTS(d, want) do { \
    char *pr_ = printed((d), false); \
    STR_EQ(pr_, (want)); \
    free(pr_); \
  } while (0)

static struct diag mk(const char *file, unsigned line, unsigned col, const char *msg,
                      enum diag_severity sev)
{
  struct diag d = { .file = file, .line = line, .col = col, .end_line = line,
                    .end_col = col + 1, .rule_id = "test.rule", .severity = sev,
                    .message = msg };
  return d;
}

static void sorting(void)
{
  struct arena a;
  arena_init(&a);
  struct diag_list l;
  diag_list_init(&l, &a);

  CASE("diag_list: counts per severity");
  INT_EQ(l.n, 0);
  OK(!diag_list_has_errors(&l));
  struct diag d;
  d = mk("b.yaml", 1, 1, "b1:1", DIAG_WARNING);  diag_add(&l, &d);
  d = mk("a.yaml", 3, 5, "a3:5", DIAG_INFO);     diag_add(&l, &d);
  d = mk("a.yaml", 3, 2, "a3:2 first", DIAG_WARNING); diag_add(&l, &d);
  OK(!diag_list_has_errors(&l));                  /* warnings only */
  d = mk("a.yaml", 10, 1, "a10:1", DIAG_ERROR);  diag_add(&l, &d);
  d = mk("a.yaml", 1, 9, "a1:9", DIAG_INFO);     diag_add(&l, &d);
  d = mk("a.yaml", 3, 2, "a3:2 second", DIAG_ERROR); diag_add(&l, &d);
  d = mk("a.yaml", 2, 30, "a2:30", DIAG_WARNING); diag_add(&l, &d);
  diag_file(&l, DIAG_ERROR, "io.read", "a.yaml", "no line %d", 0);
  d = mk("a.yaml", 3, 2, "a3:2 third", DIAG_INFO); diag_add(&l, &d);
  INT_EQ(l.n, 9);
  INT_EQ(l.count[DIAG_ERROR], 3);
  INT_EQ(l.count[DIAG_WARNING], 3);
  INT_EQ(l.count[DIAG_INFO], 3);
  OK(diag_list_has_errors(&l));

  CASE("diag_list: strings are copied");
  {
    char msg[32] = "temporary";
    char rule[32] = "r.one";
    struct diag t = mk("c.yaml", 1, 1, msg, DIAG_INFO);
    t.rule_id = rule;
    struct diag_list l2;
    diag_list_init(&l2, &a);
    diag_add(&l2, &t);
    strcpy(msg, "changed");
    strcpy(rule, "r.two");
    STR_EQ(l2.items[0].message, "temporary");
    STR_EQ(l2.items[0].rule_id, "r.one");
    OK(l2.items[0].suggestion == NULL);
  }

  CASE("diag_list_sort: file, line, column, then insertion order");
  /* Insertion order is kept for equal positions even though qsort is not
   * stable; add many equal ones to give qsort a chance to mix them. */
  for (int i = 0; i < 40; i++) {
    char m[16];
    snprintf(m, sizeof m, "eq%02d", i);
    d = mk("a.yaml", 5, 5, m, DIAG_INFO);
    diag_add(&l, &d);
  }
  diag_list_sort(&l);
  INT_EQ(l.n, 49);
  static const char *const order[] = {
    "no line 0", "a1:9", "a2:30", "a3:2 first", "a3:2 second", "a3:2 third", "a3:5",
  };
  for (size_t i = 0; i < 7; i++) STR_EQ(l.items[i].message, order[i]);
  int bad_eq = 0;
  for (int i = 0; i < 40; i++) {
    char m[16];
    snprintf(m, sizeof m, "eq%02d", i);
    if (strcmp(l.items[7 + i].message, m) != 0) bad_eq++;
  }
  INT_EQ(bad_eq, 0);
  STR_EQ(l.items[47].message, "a10:1");           /* 10 after 5: numeric */
  STR_EQ(l.items[48].message, "b1:1");            /* then the next file */
  arena_free(&a);
}

static void printing(void)
{
  /* line 1 "subjekt: Uitnodiging"  offsets 0-19, LF 20
   * line 2 "a<TAB>b: word"         a 21, TAB 22, b 23, : 24, ' ' 25, word 26-29, LF 30
   *                                (columns: a1 TAB2 b3 :4 _5 w6)
   * line 3 "é€ word"               é 31-32, € 33-35, ' ' 36, word 37-40, LF 41
   *                                (columns: é1 €2 _3 w4)
   * line 4 "tail"                  42-45, LF 46 */
  static const char src[] = "subjekt: Uitnodiging\n" "a\tb: word\n"
                            "\xC3\xA9\xE2\x82\xAC word\n" "tail\n";
  struct srcfile *sf = srcfile_from_mem("t.yaml", src, sizeof src - 1);
  struct arena a;
  arena_init(&a);
  struct diag_list l;
  diag_list_init(&l, &a);

  CASE("diag_span positions");
  diag_span(&l, DIAG_ERROR, "spec.unknown-key", sf, 0, 7, "subject",
            "unknown key '%s'", "subjekt");
  INT_EQ(l.items[0].line, 1);
  INT_EQ(l.items[0].col, 1);
  INT_EQ(l.items[0].end_line, 1);
  INT_EQ(l.items[0].end_col, 8);
  STR_EQ(l.items[0].file, "t.yaml");
  STR_EQ(l.items[0].suggestion, "subject");
  STR_EQ(l.items[0].message, "unknown key 'subjekt'");

  CASE("diag_print: a one-line span with a suggestion");
  PRINTS(&l.items[0],
         "t.yaml:1:1: error: unknown key 'subjekt' [spec.unknown-key]\n"
         "    1 | subjekt: Uitnodiging\n"
         "      | ^~~~~~~\n"
         "      = suggestion: subject\n");

  CASE("diag_print: no suggestion line when the message already says it");
  diag_span(&l, DIAG_ERROR, "spec.unknown-key", sf, 0, 7, "subject",
            "unknown key 'subjekt'; did you mean 'subject'?");
  PRINTS(&l.items[1],
         "t.yaml:1:1: error: unknown key 'subjekt'; did you mean 'subject'? [spec.unknown-key]\n"
         "    1 | subjekt: Uitnodiging\n"
         "      | ^~~~~~~\n");

  CASE("diag_print: a span that runs past the end of the line");
  /* From 'U' (1:10) to offset 25 (2:5): underline to the end of line 1,
   * "Uitnodiging" = 11 characters. */
  diag_span(&l, DIAG_WARNING, "lint.long", sf, 9, 25, NULL, "runs on");
  INT_EQ(l.items[2].line, 1);
  INT_EQ(l.items[2].col, 10);
  INT_EQ(l.items[2].end_line, 2);
  INT_EQ(l.items[2].end_col, 5);
  PRINTS(&l.items[2],
         "t.yaml:1:10: warning: runs on [lint.long]\n"
         "    1 | subjekt: Uitnodiging\n"
         "      |          ^~~~~~~~~~~\n");

  CASE("diag_print: a tab before the caret");
  diag_span(&l, DIAG_INFO, "lint.tab", sf, 26, 30, NULL, "after a tab");
  INT_EQ(l.items[3].line, 2);
  INT_EQ(l.items[3].col, 6);
  INT_EQ(l.items[3].end_col, 10);
  PRINTS(&l.items[3],
         "t.yaml:2:6: info: after a tab [lint.tab]\n"
         "    2 | a\tb: word\n"
         "      |  \t   ^~~~\n");

  CASE("diag_print: multi-byte characters before the caret");
  diag_span(&l, DIAG_ERROR, "lint.mb", sf, 37, 41, "woord", "word '%s'", "word");
  INT_EQ(l.items[4].col, 4);
  INT_EQ(l.items[4].end_col, 8);
  PRINTS(&l.items[4],
         "t.yaml:3:4: error: word 'word' [lint.mb]\n"
         "    3 | \xC3\xA9\xE2\x82\xAC word\n"
         "      |    ^~~~\n"
         "      = suggestion: woord\n");

  CASE("diag_print: an empty span gets a single caret");
  diag_span(&l, DIAG_ERROR, "spec.missing", sf, 42, 42, NULL, "empty span");
  INT_EQ(l.items[5].line, 4);
  INT_EQ(l.items[5].col, 1);
  INT_EQ(l.items[5].end_col, 2);
  PRINTS(&l.items[5],
         "t.yaml:4:1: error: empty span [spec.missing]\n"
         "    4 | tail\n"
         "      | ^\n");

  CASE("diag_print: a caret just past the last character");
  diag_span(&l, DIAG_ERROR, "spec.syntax", sf, 46, 47, NULL, "at the break");
  INT_EQ(l.items[6].line, 4);
  INT_EQ(l.items[6].col, 5);
  PRINTS(&l.items[6],
         "t.yaml:4:5: error: at the break [spec.syntax]\n"
         "    4 | tail\n"
         "      |     ^\n");

  CASE("diag_print: a finding about a whole file");
  diag_file(&l, DIAG_ERROR, "io.write", "out/brief.pdf", "cannot write: %s", "Permission denied");
  INT_EQ(l.items[7].line, 0);
  PRINTS(&l.items[7], "out/brief.pdf: error: cannot write: Permission denied [io.write]\n");

  CASE("diag_print: colour only when asked");
  {
    char *c = printed(&l.items[0], true);
    OK(c && strstr(c, "\033[1;31m") != NULL);       /* red "error" */
    OK(c && strstr(c, "\033[0m") != NULL);
    free(c);
    char *p = printed(&l.items[0], false);
    OK(p && strchr(p, '\033') == NULL);
    free(p);
  }

  CASE("diag_list_print prints every item in order");
  {
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    diag_list_print(f, &l, false);
    fclose(f);
    const char *p1 = strstr(buf, "t.yaml:1:1:");
    const char *p2 = strstr(buf, "t.yaml:1:10:");
    const char *p3 = strstr(buf, "out/brief.pdf:");
    OK(p1 && p2 && p3 && p1 < p2 && p2 < p3);
    free(buf);
  }

  srcfile_free(sf);
  arena_free(&a);
}

static void text_spans(void)
{
  CASE("diag_text: a word inside a quoted value");
  /* k1 :2 _3 "4 hello 5-9 _10 world 11-15 "16 */
  static const char src[] = "k: \"hello world\"\n";
  struct unit *u = unit_new();
  struct srcfile *sf = srcfile_from_mem("q.yaml", src, sizeof src - 1);
  unit_adopt_file(u, sf);
  struct spec_node *root = spec_parse(u, sf);
  const struct spec_node *v = spec_map_get(root, "k");
  OK(v != NULL);
  if (v) {
    diag_text(&u->diags, DIAG_WARNING, "lint.word", &v->text, 6, 5, NULL, "word");
    const struct diag *d = &u->diags.items[u->diags.n - 1];
    INT_EQ(d->line, 1);
    INT_EQ(d->col, 11);
    INT_EQ(d->end_line, 1);
    INT_EQ(d->end_col, 16);
    PRINTS(d,
           "q.yaml:1:11: warning: word [lint.word]\n"
           "    1 | k: \"hello world\"\n"
           "      |           ^~~~~\n");
    /* voff 0, vlen 0: the whole value, quotes excluded. */
    diag_text(&u->diags, DIAG_WARNING, "lint.all", &v->text, 0, 0, NULL, "all");
    d = &u->diags.items[u->diags.n - 1];
    INT_EQ(d->col, 5);
    INT_EQ(d->end_col, 16);
  }
  unit_free(u);
}

void test_diag(void);
void test_diag(void)
{
  sorting();
  printing();
  text_spans();
}
