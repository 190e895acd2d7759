/* test_text.c - position maps of scalars.
 *
 * For each YAML scalar style a small document is parsed with spec_parse;
 * a word is looked up in the decoded value with strstr and text_locate must
 * give the 1-based line and character column where that word starts in
 * the source. Every expected position was counted by hand from the source
 * text shown next to it (column rulers in the comments). */
#include "harness.h"
#include "../../src/base/text.h"
#include "../../src/base/unit.h"
#include "../../src/spec/spec.h"

/* Parses SRC (LEN bytes) into a tree owned by a new unit. */
static struct unit *parse(const char *src, size_t len, struct spec_node **root)
{
  struct unit *u = unit_new();
  struct srcfile *sf = srcfile_from_mem("t.yaml", src, len);
  unit_adopt_file(u, sf);
  *root = spec_parse(u, sf);
  return u;
}
#define PARSE(src, rootp) parse((src), sizeof(src) - 1, (rootp))

/* The value node of top-level KEY, or NULL. */
static const struct text *val(const struct spec_node *root, const char *key)
{
  const struct spec_node *n = spec_map_get(root, key);
  return n ? &n->text : NULL;
}

/* Where the first occurrence of WORD in T's value starts; 0:0 if absent. */
static struct srcloc word_loc(const struct text *t, const char *word)
{
  struct srcloc none = { NULL, 0, 0 };
  if (!t || !t->s) return none;
  const char *p = strstr(t->s, word);
  if (!p) return none;
  return text_locate(t, (size_t)(p - t->s));
}

#define LOC_EQ(loc, l, c) do { \
    struct srcloc lq_ = (loc); \
    INT_EQ(lq_.line, (l)); INT_EQ(lq_.col, (c)); \
  } while (0)
/* WORD in the value of KEY starts at source line L, column C. */
#define WORD_AT(root, key, word, l, c) LOC_EQ(word_loc(val((root), (key)), (word)), l, c)
/* Value byte VOFF of KEY's value comes from line L, column C. */
#define BYTE_AT(root, key, voff, l, c) do { \
    const struct text *bt_ = val((root), (key)); \
    OK(bt_ != NULL); \
    if (bt_) LOC_EQ(text_locate(bt_, (voff)), l, c); \
  } while (0)
#define VALUE_IS(root, key, want) do { \
    const struct text *vt_ = val((root), (key)); \
    STR_EQ(vt_ ? vt_->s : NULL, (want)); \
    if (vt_ && vt_->s) INT_EQ(vt_->len, sizeof(want) - 1); \
  } while (0)
/* The value has a full per-byte map (it was aligned with its source). */
#define MAPPED(root, key) do { \
    const struct text *mt_ = val((root), (key)); \
    OK(mt_ != NULL && mt_->nsegs > 0); \
  } while (0)

static void plain_scalars(void)
{
  struct spec_node *r;
  struct unit *u;

  CASE("text: plain, one line");
  /*                  col: 123456789012345 */
  static const char one[] = "k: hello world\n";
  u = PARSE(one, &r);
  OK(r != NULL);
  VALUE_IS(r, "k", "hello world");
  MAPPED(r, "k");
  WORD_AT(r, "k", "hello", 1, 4);
  WORD_AT(r, "k", "world", 1, 10);
  BYTE_AT(r, "k", 5, 1, 9);                 /* the blank between the words */
  LOC_EQ(text_loc_start(val(r, "k")), 1, 4);
  LOC_EQ(text_loc_end(val(r, "k")), 1, 15); /* one past 'd' (col 14) */
  /* The key itself. */
  {
    const struct spec_node *key = r ? r->kids[0] : NULL;
    OK(key && key->text.s && strcmp(key->text.s, "k") == 0);
    if (key) LOC_EQ(text_locate(&key->text, 0), 1, 1);
  }
  unit_free(u);

  CASE("text: plain, folded over three lines");
  static const char multi[] =
    /* 1 */ "k: first line\n"          /* col: k1 :2 _3 first 4-8 _9 line 10-13, LF 14 */
    /* 2 */ "  second word here\n"     /* col: second 3-8 _9 word 10-13 */
    /* 3 */ "  third target\n";        /* col: third 3-7 _8 target 9-14 */
  u = PARSE(multi, &r);
  VALUE_IS(r, "k", "first line second word here third target");
  MAPPED(r, "k");
  WORD_AT(r, "k", "first", 1, 4);
  WORD_AT(r, "k", "second", 2, 3);
  WORD_AT(r, "k", "word", 2, 10);
  WORD_AT(r, "k", "third", 3, 3);
  WORD_AT(r, "k", "target", 3, 9);
  BYTE_AT(r, "k", 10, 1, 14);               /* folded blank -> the line break */
  LOC_EQ(text_loc_end(val(r, "k")), 3, 15);
  unit_free(u);

  CASE("text: plain with a blank line (kept as a line break)");
  static const char blank[] =
    /* 1 */ "k: alpha\n"
    /* 2 */ "\n"
    /* 3 */ "  beta\n";                /* beta at col 3 */
  u = PARSE(blank, &r);
  VALUE_IS(r, "k", "alpha\nbeta");
  WORD_AT(r, "k", "beta", 3, 3);
  unit_free(u);

  CASE("text: plain value of a nested key and in a flow sequence");
  static const char nested[] =
    /* 1 */ "outer:\n"
    /* 2 */ "  inner: some word\n"                 /* word: inner 3-7 :8 _9 some 10-13 _14 word 15 */
    /* 3 */ "list: [alpha, \"beta word\", gamma]\n";
    /* line 3: list 1-4 :5 _6 [7 alpha 8-12 ,13 _14 "15 beta 16-19 _20 word 21-24 "25 ,26 _27 gamma 28 */
  u = PARSE(nested, &r);
  {
    const struct spec_node *outer = spec_map_get(r, "outer");
    const struct spec_node *inner = spec_map_get(outer, "inner");
    OK(inner != NULL);
    if (inner) LOC_EQ(word_loc(&inner->text, "word"), 2, 15);
    const struct spec_node *list = spec_map_get(r, "list");
    OK(list && list->kind == SPEC_SEQ && list->n == 3);
    if (list && list->n == 3) {
      LOC_EQ(word_loc(&list->kids[0]->text, "alpha"), 3, 8);
      LOC_EQ(word_loc(&list->kids[1]->text, "word"), 3, 21);
      LOC_EQ(word_loc(&list->kids[2]->text, "gamma"), 3, 28);
    }
  }
  unit_free(u);
}

static void single_quoted(void)
{
  struct spec_node *r;
  struct unit *u;

  CASE("text: single-quoted with '' before the word");
  /* k1 :2 _3 '4 i5 t6 '7 '8 s9 _10 a11 _12 w13 o14 r15 d16 '17 */
  static const char sq[] = "k: 'it''s a word'\n";
  u = PARSE(sq, &r);
  VALUE_IS(r, "k", "it's a word");
  MAPPED(r, "k");
  WORD_AT(r, "k", "word", 1, 13);
  BYTE_AT(r, "k", 0, 1, 5);                 /* i */
  BYTE_AT(r, "k", 2, 1, 7);                 /* the quote comes from '' */
  BYTE_AT(r, "k", 3, 1, 9);                 /* s, after the '' */
  LOC_EQ(text_loc_start(val(r, "k")), 1, 5);
  LOC_EQ(text_loc_end(val(r, "k")), 1, 17);
  unit_free(u);

  CASE("text: single-quoted across lines");
  static const char sq2[] =
    /* 1 */ "k: 'one two\n"
    /* 2 */ "  three ''four'' five'\n";
    /* line 2: three 3-7 _8 '9 '10 four 11-14 '15 '16 _17 five 18-21 '22 */
  u = PARSE(sq2, &r);
  VALUE_IS(r, "k", "one two three 'four' five");
  MAPPED(r, "k");
  WORD_AT(r, "k", "two", 1, 9);
  WORD_AT(r, "k", "three", 2, 3);
  WORD_AT(r, "k", "four", 2, 11);
  WORD_AT(r, "k", "five", 2, 18);
  unit_free(u);

  CASE("text: single-quoted with a blank line");
  static const char sq3[] =
    /* 1 */ "k: 'one\n"
    /* 2 */ "\n"
    /* 3 */ "   it''s here'\n";       /* it 4-5 '6 '7 s8 _9 here 10 */
  u = PARSE(sq3, &r);
  VALUE_IS(r, "k", "one\nit's here");
  WORD_AT(r, "k", "it", 3, 4);
  WORD_AT(r, "k", "here", 3, 10);
  unit_free(u);
}

static void double_quoted(void)
{
  struct spec_node *r;
  struct unit *u;

  CASE("text: double-quoted, one escape before the word");
  static const char esc[] =
    /* 1 */ "a: \"\\tword\"\n"               /* a: "\tword"     "4 \5 t6 word 7 */
    /* 2 */ "b: \"\\\"word\"\n"              /* b: "\"word"     "4 \5 "6 word 7 */
    /* 3 */ "c: \"\\\\word\"\n"              /* c: "\\word"     "4 \5 \6 word 7 */
    /* 4 */ "d: \"\\u00e9word\"\n"           /* d: "\u00e9word" "4 \5 u6 0 0 e 9 (7-10) word 11 */
    /* 5 */ "e: \"\\x41word\"\n"             /* e: "\x41word"   "4 \5 x6 4 1 (7-8) word 9 */
    /* 6 */ "f: \"\\U0001F600 word\"\n";     /* f: "\U0001F600 word" \5 U6 8 digits 7-14 _15 word 16 */
  u = PARSE(esc, &r);
  OK(r != NULL);
  VALUE_IS(r, "a", "\tword");
  VALUE_IS(r, "b", "\"word");
  VALUE_IS(r, "c", "\\word");
  VALUE_IS(r, "d", "\xC3\xA9word");
  VALUE_IS(r, "e", "Aword");
  VALUE_IS(r, "f", "\xF0\x9F\x98\x80 word");
  WORD_AT(r, "a", "word", 1, 7);
  WORD_AT(r, "b", "word", 2, 7);
  WORD_AT(r, "c", "word", 3, 7);
  WORD_AT(r, "d", "word", 4, 11);
  WORD_AT(r, "e", "word", 5, 9);
  WORD_AT(r, "f", "word", 6, 16);
  /* The decoded bytes of an escape point at the backslash. */
  BYTE_AT(r, "a", 0, 1, 5);
  BYTE_AT(r, "d", 0, 4, 5);
  BYTE_AT(r, "d", 1, 4, 5);                 /* 2nd byte of é */
  BYTE_AT(r, "e", 0, 5, 5);
  BYTE_AT(r, "f", 3, 6, 5);                 /* last byte of the emoji */
  LOC_EQ(text_loc_start(val(r, "a")), 1, 5);
  unit_free(u);

  CASE("text: double-quoted, many escapes in a row");
  /* f: "a\tb \"q\" \\ \u00e9 \x41 word"
   * f1 :2 _3 "4 a5 \6 t7 b8 _9 \10 "11 q12 \13 "14 _15 \16 \17 _18
   * \19 u20 0 0 e 9 (21-24) _25 \26 x27 4 1 (28-29) _30 word 31-34 "35 */
  static const char many[] = "f: \"a\\tb \\\"q\\\" \\\\ \\u00e9 \\x41 word\"\n";
  u = PARSE(many, &r);
  VALUE_IS(r, "f", "a\tb \"q\" \\ \xC3\xA9 A word");
  MAPPED(r, "f");
  WORD_AT(r, "f", "word", 1, 31);
  WORD_AT(r, "f", "b", 1, 8);
  WORD_AT(r, "f", "q", 1, 12);
  WORD_AT(r, "f", "\xC3\xA9", 1, 19);
  WORD_AT(r, "f", "A", 1, 26);
  BYTE_AT(r, "f", 1, 1, 6);                 /* the tab: from \t */
  BYTE_AT(r, "f", 7, 1, 15);                /* the blank after "q" */
  LOC_EQ(text_loc_start(val(r, "f")), 1, 5);
  LOC_EQ(text_loc_end(val(r, "f")), 1, 35); /* the closing quote */
  unit_free(u);

  CASE("text: double-quoted with an escaped line break");
  static const char brk[] =
    /* 1 */ "k: \"abc\\\n"        /* k: "abc\          */
    /* 2 */ "  def word\"\n"      /* def 3-5 _6 word 7 */
    /* 3 */ "m: \"abc \\\n"       /* m: "abc \         */
    /* 4 */ "   next\"\n";        /* next 4          */
  u = PARSE(brk, &r);
  VALUE_IS(r, "k", "abcdef word");
  VALUE_IS(r, "m", "abc next");
  MAPPED(r, "k");
  WORD_AT(r, "k", "abc", 1, 5);
  WORD_AT(r, "k", "def", 2, 3);
  WORD_AT(r, "k", "word", 2, 7);
  WORD_AT(r, "m", "next", 4, 4);
  BYTE_AT(r, "m", 3, 3, 8);                 /* the blank before the \ */
  unit_free(u);

  CASE("text: double-quoted, words on the 2nd and 3rd line");
  static const char dq[] =
    /* 1 */ "k: \"first\n"
    /* 2 */ "  second \\\"x\\\"\n"   /*   second \"x\"  : second 3-8 _9 \10 "11 x12 */
    /* 3 */ "  third \\t word\"\n";  /*   third \t word": third 3-7 _8 \9 t10 _11 word 12 */
  u = PARSE(dq, &r);
  VALUE_IS(r, "k", "first second \"x\" third \t word");
  MAPPED(r, "k");
  WORD_AT(r, "k", "second", 2, 3);
  WORD_AT(r, "k", "x", 2, 12);
  WORD_AT(r, "k", "third", 3, 3);
  WORD_AT(r, "k", "word", 3, 12);
  unit_free(u);

  CASE("text: double-quoted with a blank line and trailing blanks");
  static const char dq2[] =
    /* 1 */ "k: \"one   \n"       /* trailing blanks are dropped when folding */
    /* 2 */ "\n"
    /* 3 */ "    two word\"\n";   /* two 5-7 _8 word 9 */
  u = PARSE(dq2, &r);
  VALUE_IS(r, "k", "one\ntwo word");
  WORD_AT(r, "k", "two", 3, 5);
  WORD_AT(r, "k", "word", 3, 9);
  unit_free(u);
}

static void block_scalars(void)
{
  struct spec_node *r;
  struct unit *u;

  CASE("text: literal |");
  static const char lit[] =
    /* 1 */ "k: |\n"
    /* 2 */ "  line one\n"
    /* 3 */ "  line two word\n"    /* line 3-6 _7 two 8-10 _11 word 12 */
    /* 4 */ "m: x\n";
  u = PARSE(lit, &r);
  VALUE_IS(r, "k", "line one\nline two word\n");
  MAPPED(r, "k");
  WORD_AT(r, "k", "one", 2, 8);
  WORD_AT(r, "k", "two", 3, 8);
  WORD_AT(r, "k", "word", 3, 12);
  BYTE_AT(r, "k", 8, 2, 11);                /* the first line break */
  LOC_EQ(text_loc_start(val(r, "k")), 2, 3);
  unit_free(u);

  CASE("text: literal |- (strip)");
  static const char strip[] =
    /* 1 */ "k: |-\n"
    /* 2 */ "  alpha\n"
    /* 3 */ "  beta word\n"        /* beta 3-6 _7 word 8-11 */
    /* 4 */ "m: x\n";
  u = PARSE(strip, &r);
  VALUE_IS(r, "k", "alpha\nbeta word");
  WORD_AT(r, "k", "alpha", 2, 3);
  WORD_AT(r, "k", "word", 3, 8);
  LOC_EQ(text_loc_end(val(r, "k")), 3, 12);
  unit_free(u);

  CASE("text: literal |+ (keep)");
  static const char keep[] =
    /* 1 */ "k: |+\n"
    /* 2 */ "  alpha word\n"       /* alpha 3-7 _8 word 9-12, LF 13 */
    /* 3 */ "\n"
    /* 4 */ "m: x\n";
  u = PARSE(keep, &r);
  VALUE_IS(r, "k", "alpha word\n\n");
  WORD_AT(r, "k", "word", 2, 9);
  BYTE_AT(r, "k", 10, 2, 13);               /* kept break 1: end of line 2 */
  BYTE_AT(r, "k", 11, 3, 1);                /* kept break 2: the empty line */
  unit_free(u);

  CASE("text: literal |2 with a more-indented first line");
  static const char ind[] =
    /* 1 */ "k: |2\n"
    /* 2 */ "    indented word\n"  /* indented 5-12 _13 word 14 */
    /* 3 */ "  base target\n";     /* base 3-6 _7 target 8 */
  u = PARSE(ind, &r);
  VALUE_IS(r, "k", "  indented word\nbase target\n");
  MAPPED(r, "k");
  WORD_AT(r, "k", "indented", 2, 5);
  WORD_AT(r, "k", "word", 2, 14);
  WORD_AT(r, "k", "target", 3, 8);
  unit_free(u);

  CASE("text: literal with a more-indented line");
  static const char deeper[] =
    /* 1 */ "k: |\n"
    /* 2 */ "  normal\n"
    /* 3 */ "    deeper word\n"    /* deeper 5-10 _11 word 12 */
    /* 4 */ "  back\n";            /* back 3 */
  u = PARSE(deeper, &r);
  VALUE_IS(r, "k", "normal\n  deeper word\nback\n");
  WORD_AT(r, "k", "deeper", 3, 5);
  WORD_AT(r, "k", "word", 3, 12);
  WORD_AT(r, "k", "back", 4, 3);
  unit_free(u);

  CASE("text: literal nested in a sequence of mappings");
  static const char seq[] =
    /* 1 */ "blocks:\n"
    /* 2 */ "  - paragraph: |\n"
    /* 3 */ "      first\n"
    /* 4 */ "      second word\n";  /* second 7-12 _13 word 14 */
  u = PARSE(seq, &r);
  {
    const struct spec_node *b = spec_map_get(r, "blocks");
    const struct spec_node *p = b && b->n ? spec_map_get(b->kids[0], "paragraph") : NULL;
    OK(p != NULL);
    if (p) {
      STR_EQ(p->text.s, "first\nsecond word\n");
      LOC_EQ(word_loc(&p->text, "word"), 4, 14);
      LOC_EQ(word_loc(&p->text, "first"), 3, 7);
    }
  }
  unit_free(u);

  CASE("text: folded > with blank and more-indented lines");
  static const char fold[] =
    /* 1 */ "k: >\n"
    /* 2 */ "  one\n"
    /* 3 */ "  two\n"              /* two 3 */
    /* 4 */ "\n"
    /* 5 */ "  three word\n"       /* three 3-7 _8 word 9 */
    /* 6 */ "    more target\n"    /* more 5-8 _9 target 10 */
    /* 7 */ "  end\n";             /* end 3 */
  u = PARSE(fold, &r);
  VALUE_IS(r, "k", "one two\nthree word\n  more target\nend\n");
  MAPPED(r, "k");
  WORD_AT(r, "k", "one", 2, 3);
  WORD_AT(r, "k", "two", 3, 3);
  WORD_AT(r, "k", "three", 5, 3);
  WORD_AT(r, "k", "word", 5, 9);
  WORD_AT(r, "k", "more", 6, 5);
  WORD_AT(r, "k", "target", 6, 10);
  WORD_AT(r, "k", "end", 7, 3);
  BYTE_AT(r, "k", 3, 2, 6);                 /* "one two": the folded break */
  unit_free(u);

  CASE("text: folded >- of a long paragraph");
  static const char para[] =
    /* 1 */ "blocks:\n"
    /* 2 */ "  - paragraph: >-\n"
    /* 3 */ "      Wij nodigen u uit voor een gesprek over uw\n"
    /* 4 */ "      zoektocht naar werk. In dit gesprek kijken\n"
    /* 5 */ "      we samen naar wat u nodig heeft.\n";
    /* line 5: we 7-8 _9 samen 10-14 _15 naar 16-19 _20 wat 21-23 _24 u 25 _26 nodig 27 */
  u = PARSE(para, &r);
  {
    const struct spec_node *b = spec_map_get(r, "blocks");
    const struct spec_node *p = b && b->n ? spec_map_get(b->kids[0], "paragraph") : NULL;
    OK(p != NULL);
    if (p) {
      OK(p->text.len > 0 && p->text.s[p->text.len - 1] == '.');
      LOC_EQ(word_loc(&p->text, "nodig "), 5, 27);
      LOC_EQ(word_loc(&p->text, "zoektocht"), 4, 7);
      /* line 4: zoektocht 7-15 _16 naar 17-20 _21 werk. 22-26 _27 In 28-29 _30
       * dit 31-33 _34 gesprek 35-41 _42 kijken 43-48 */
      LOC_EQ(word_loc(&p->text, "kijken"), 4, 43);
    }
  }
  unit_free(u);
}

static void encodings(void)
{
  struct spec_node *r;
  struct unit *u;

  CASE("text: words after multi-byte characters");
  static const char mb[] =
    /* 1 */ "k: \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 word\n"   /* k: é € 😀 word: é4 _5 €6 _7 😀8 _9 word 10 */
    /* 2 */ "m: \"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 word\"\n"  /* m: "é€😀 word": "4 é5 €6 😀7 _8 word 9 */
    /* 3 */ "n: >\n"
    /* 4 */ "  \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 x\n"          /* é3 €4 😀5 _6 x7 */
    /* 5 */ "  \xC3\xBCn\xC3\xAF" "c\xC3\xB6" "d\xC3\xA9 target\n" /* ünïcödé 3-9 _10 target 11 */
    /* 6 */ "p: 'caf\xC3\xA9 ''\xE2\x82\xAC'' word'\n";            /* p: 'café ''€'' word': c5 a6 f7 é8 _9 '10 '11 €12 '13 '14 _15 word 16 */
  u = PARSE(mb, &r);
  OK(r != NULL);
  MAPPED(r, "k");
  WORD_AT(r, "k", "word", 1, 10);
  WORD_AT(r, "k", "\xE2\x82\xAC", 1, 6);
  WORD_AT(r, "m", "word", 2, 9);
  WORD_AT(r, "m", "\xF0\x9F\x98\x80", 2, 7);
  WORD_AT(r, "n", "x", 4, 7);
  WORD_AT(r, "n", "target", 5, 11);
  WORD_AT(r, "p", "word", 6, 16);
  WORD_AT(r, "p", "\xE2\x82\xAC", 6, 12);
  LOC_EQ(text_loc_end(val(r, "p")), 6, 20);   /* word 16-19, closing quote 20 */
  unit_free(u);

  CASE("text: a CRLF file");
  static const char crlf[] =
    /* 1 */ "k: |\r\n"
    /* 2 */ "  alpha\r\n"
    /* 3 */ "  beta word\r\n"          /* word 8 */
    /* 4 */ "m: >\r\n"
    /* 5 */ "  one\r\n"
    /* 6 */ "  two target\r\n"         /* two 3-5 _6 target 7 */
    /* 7 */ "p: \"dq\r\n"
    /* 8 */ "  line3 third\"\r\n"      /* line3 3-7 _8 third 9 */
    /* 9 */ "q: plain\r\n"
    /* 10 */ "  cont last\r\n"         /* cont 3-6 _7 last 8 */
    /* 11 */ "s: 'sq\r\n"
    /* 12 */ "\r\n"
    /* 13 */ "  it''s end'\r\n";       /* it 3-4 '5 '6 s7 _8 end 9 */
  u = PARSE(crlf, &r);
  OK(r != NULL);
  VALUE_IS(r, "k", "alpha\nbeta word\n");
  VALUE_IS(r, "m", "one two target\n");
  VALUE_IS(r, "p", "dq line3 third");
  VALUE_IS(r, "q", "plain cont last");
  VALUE_IS(r, "s", "sq\nit's end");
  WORD_AT(r, "k", "alpha", 2, 3);
  WORD_AT(r, "k", "word", 3, 8);
  BYTE_AT(r, "k", 5, 2, 8);                 /* the first break: the CR at col 8 */
  WORD_AT(r, "m", "two", 6, 3);
  WORD_AT(r, "m", "target", 6, 7);
  WORD_AT(r, "p", "third", 8, 9);
  WORD_AT(r, "q", "last", 10, 8);
  WORD_AT(r, "s", "end", 13, 9);
  unit_free(u);

  CASE("text: a one-line file with a BOM");
  static const char bom1[] =
    "\xEF\xBB\xBF"
    /* 1 */ "k: hello word\n";              /* k1 :2 _3 hello 4-8 _9 word 10 */
  u = PARSE(bom1, &r);
  OK(r != NULL);
  VALUE_IS(r, "k", "hello word");
  MAPPED(r, "k");
  WORD_AT(r, "k", "hello", 1, 4);
  WORD_AT(r, "k", "word", 1, 10);
  if (r && r->n) LOC_EQ(text_locate(&r->kids[0]->text, 0), 1, 1);   /* the key */
  unit_free(u);

  CASE("text: a file with a BOM and several keys");
  static const char bom[] =
    "\xEF\xBB\xBF"
    /* 1 */ "k: hello word\n"               /* hello 4-8 _9 word 10 */
    /* 2 */ "m: \"x\\ty target\"\n"         /* m: "x\ty target": "4 x5 \6 t7 y8 _9 target 10 */
    /* 3 */ "n: |\n"
    /* 4 */ "  lit word\n";                 /* lit 3-5 _6 word 7 */
  u = PARSE(bom, &r);
  OK(r != NULL);
  VALUE_IS(r, "k", "hello word");
  WORD_AT(r, "k", "hello", 1, 4);
  WORD_AT(r, "k", "word", 1, 10);
  WORD_AT(r, "m", "target", 2, 10);
  WORD_AT(r, "n", "word", 4, 7);
  unit_free(u);

  CASE("text: a comment after a block scalar header");
  static const char cmt[] =
    /* 1 */ "k: | # note word\n"
    /* 2 */ "  real word\n"        /* real 3-6 _7 word 8 */
    /* 3 */ "m: > # word\n"
    /* 4 */ "  folded word\n"      /* folded 3-8 _9 word 10 */
    /* 5 */ "n: |-2 # word\n"
    /* 6 */ "   more word\n";      /* (indent 2) _3 more 4-7 _8 word 9 */
  u = PARSE(cmt, &r);
  VALUE_IS(r, "k", "real word\n");
  VALUE_IS(r, "m", "folded word\n");
  VALUE_IS(r, "n", " more word");
  WORD_AT(r, "k", "word", 2, 8);
  WORD_AT(r, "m", "word", 4, 10);
  WORD_AT(r, "n", "word", 6, 9);
  unit_free(u);

  CASE("text: NEL and LS line breaks inside scalars");
  static const char nel[] =
    /* 1 */ "k: one\xC2\x85"            /* NEL ends line 1 */
    /* 2 */ "  two word\n"              /* two 3-5 _6 word 7 */
    /* 3 */ "m: |\n"
    /* 4 */ "  first\xE2\x80\xA8"       /* LS ends line 4 */
    /* 5 */ "  second word\n"           /* second 3-8 _9 word 10 */
    /* 6 */ "p: one\xE2\x80\xA9"         /* PS ends line 6 */
    /* 7 */ "  two word\n";             /* two 3-5 _6 word 7 */
  u = PARSE(nel, &r);
  OK(r != NULL);
  VALUE_IS(r, "k", "one two word");
  WORD_AT(r, "k", "word", 2, 7);
  /* libyaml keeps LS and PS in the value (they are not folded into a
   * blank or turned into LF as NEL, CR and CR LF are). */
  VALUE_IS(r, "p", "one\xE2\x80\xA9two word");
  WORD_AT(r, "m", "second", 5, 3);
  WORD_AT(r, "m", "word", 5, 10);
  WORD_AT(r, "p", "two", 7, 3);
  WORD_AT(r, "p", "word", 7, 7);
  unit_free(u);

  CASE("text: scalars with an anchor or a tag");
  static const char props[] =
    /* 1 */ "k: &a hello word\n"          /* &4 a5 _6 hello 7-11 _12 word 13 */
    /* 2 */ "m: !!str \"quoted word\"\n"  /* !4 !5 str 6-8 _9 "10 quoted 11-16 _17 word 18 */
    /* 3 */ "n: &b |\n"
    /* 4 */ "  lit word\n"                /* lit 3-5 _6 word 7 */
    /* 5 */ "p: !!str 'it''s word'\n";    /* '10 i11 t12 '13 '14 s15 _16 word 17 */
  u = PARSE(props, &r);
  OK(r != NULL);
  VALUE_IS(r, "k", "hello word");
  VALUE_IS(r, "m", "quoted word");
  VALUE_IS(r, "p", "it's word");
  WORD_AT(r, "k", "hello", 1, 7);
  WORD_AT(r, "k", "word", 1, 13);
  WORD_AT(r, "m", "word", 2, 18);
  WORD_AT(r, "n", "word", 4, 7);
  WORD_AT(r, "p", "s", 5, 15);
  WORD_AT(r, "p", "word", 5, 17);
  unit_free(u);
}

static void end_positions(void)
{
  struct spec_node *r;
  struct unit *u;

  CASE("text_loc_start / text_loc_end of quoted scalars");
  static const char q[] =
    /* 1 */ "k: \"hello\"\n"     /* "4 hello 5-9 "10 */
    /* 2 */ "m: 'it''s'\n"       /* '4 i5 t6 '7 '8 s9 '10 */
    /* 3 */ "n: \"ab\\t\"\n"     /* "4 a5 b6 \7 t8 "9 */
    /* 4 */ "p: \"\"\n";         /* empty */
  u = PARSE(q, &r);
  LOC_EQ(text_loc_start(val(r, "k")), 1, 5);
  LOC_EQ(text_loc_end(val(r, "k")), 1, 10);
  LOC_EQ(text_loc_start(val(r, "m")), 2, 5);
  LOC_EQ(text_loc_end(val(r, "m")), 2, 10);
  LOC_EQ(text_loc_start(val(r, "n")), 3, 5);
  /* One past the last value byte: the tab came from "\t" (cols 7-8), so
   * the end is the closing quote at col 9. */
  LOC_EQ(text_loc_end(val(r, "n")), 3, 9);
  /* An empty value has no map: its span is the quotes. */
  LOC_EQ(text_loc_start(val(r, "p")), 4, 4);
  LOC_EQ(text_loc_end(val(r, "p")), 4, 6);
  unit_free(u);

  CASE("text_locate without a file or without a map");
  {
    struct text none = { 0 };
    struct srcloc l = text_locate(&none, 0);
    OK(l.file == NULL);
    INT_EQ(l.line, 0);
    struct srcfile *sf = srcfile_from_mem("x.yaml", "ab\ncd\n", 6);
    struct text t = { .s = "zz", .len = 2, .file = sf, .start = 4, .end = 5 };
    LOC_EQ(text_locate(&t, 1), 2, 2);       /* no map: the span's start */
    LOC_EQ(text_loc_start(&t), 2, 2);
    LOC_EQ(text_loc_end(&t), 2, 3);
    srcfile_free(sf);
  }
}

static void textmaps(void)
{
  struct arena a;
  arena_init(&a);
  /* Source: line 1 "0123456789", line 2 "abcdefghij". */
  struct srcfile *sf = srcfile_from_mem("m.yaml", "0123456789\nabcdefghij\n", 22);

  CASE("textmap_add merges pieces that continue each other");
  struct textmap m;
  textmap_init(&m, &a);
  textmap_add(&m, 0, 2, false, sf);     /* value 0.. <- src 2.. */
  textmap_add(&m, 3, 5, false, sf);     /* continues: merged */
  INT_EQ(m.n, 1);
  textmap_add(&m, 4, 11, true, sf);     /* fixed piece */
  textmap_add(&m, 5, 11, true, sf);     /* same fixed source: merged */
  INT_EQ(m.n, 2);
  textmap_add(&m, 6, 14, false, sf);
  textmap_add(&m, 6, 15, false, sf);    /* same voff: replaces the empty piece */
  INT_EQ(m.n, 3);
  for (int i = 0; i < 20; i++) textmap_add(&m, 7 + (size_t)i, (size_t)i % 2 ? 0 : 12, true, sf);
  INT_EQ(m.n, 23);                      /* grew past its first capacity */
  struct text t = { .s = "xxxxxxxxxxxxxxxxxxxxxxxxxx", .len = 26, .file = sf,
                    .start = 0, .end = 22, .segs = m.segs, .nsegs = 3 };
  LOC_EQ(text_locate(&t, 0), 1, 3);
  LOC_EQ(text_locate(&t, 3), 1, 6);
  LOC_EQ(text_locate(&t, 4), 2, 1);     /* fixed: src 11 */
  LOC_EQ(text_locate(&t, 5), 2, 1);
  LOC_EQ(text_locate(&t, 6), 2, 5);     /* src 15 */
  LOC_EQ(text_locate(&t, 8), 2, 7);

  CASE("textmap_add_range and textmap_add_text");
  /* T's bytes 2..6 become value bytes 10..14 of a new text. */
  struct textmap m2;
  textmap_init(&m2, &a);
  textmap_add(&m2, 0, 0, true, sf);
  textmap_add_range(&m2, 10, &t, 2, 7);
  struct text t2 = { .s = "yyyyyyyyyyyyyyyyyy", .len = 18, .file = sf,
                     .segs = m2.segs, .nsegs = m2.n };
  LOC_EQ(text_locate(&t2, 5), 1, 1);
  LOC_EQ(text_locate(&t2, 10), 1, 5);   /* T byte 2 <- src 4 */
  LOC_EQ(text_locate(&t2, 11), 1, 6);   /* T byte 3 */
  LOC_EQ(text_locate(&t2, 12), 2, 1);   /* T byte 4: fixed src 11 */
  LOC_EQ(text_locate(&t2, 14), 2, 5);   /* T byte 6: src 15 */
  struct textmap m3;
  textmap_init(&m3, &a);
  textmap_add_text(&m3, 100, &t);
  struct text t3 = { .s = "", .len = 0, .file = sf, .segs = m3.segs, .nsegs = m3.n };
  INT_EQ(m3.n, 3);
  LOC_EQ(text_locate(&t3, 103), 1, 6);
  LOC_EQ(text_locate(&t3, 104), 2, 1);
  LOC_EQ(text_locate(&t3, 107), 2, 6);

  srcfile_free(sf);
  arena_free(&a);
}

void test_text(void);
void test_text(void)
{
  plain_scalars();
  single_quoted();
  double_quoted();
  block_scalars();
  encodings();
  end_positions();
  textmaps();
}
