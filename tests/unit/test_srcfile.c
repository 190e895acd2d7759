/* test_srcfile.c - line maps: byte offset <-> 1-based line and character
 * column, every YAML line break, BOM, multi-byte characters. */
#include "harness.h"
#include "../../src/base/srcfile.h"

/* Checks srcfile_locate(SF, OFF) == LINE:COL. */
#define AT(sf, off, l, c) do { \
    struct srcloc at_ = srcfile_locate((sf), (off)); \
    INT_EQ(at_.line, (l)); INT_EQ(at_.col, (c)); \
    OK(at_.file == (sf)); \
  } while (0)

/* Checks that line L of SF is exactly the text WANT. */
#define LINE_IS(sf, l, want) do { \
    size_t ln_; const char *lp_ = srcfile_line((sf), (l), &ln_); \
    INT_EQ(ln_, strlen(want)); \
    OK(ln_ == strlen(want) && memcmp(lp_, (want), ln_) == 0); \
  } while (0)

void test_srcfile(void);
void test_srcfile(void)
{
  CASE("srcfile_break_len");
  {
    const char *s = "a\nb";
    INT_EQ(srcfile_break_len(s, s + 3), 0);
    INT_EQ(srcfile_break_len(s + 1, s + 3), 1);
    const char *crlf = "\r\n";
    INT_EQ(srcfile_break_len(crlf, crlf + 2), 2);
    INT_EQ(srcfile_break_len(crlf, crlf + 1), 1);          /* CR at the end */
    const char *nel = "\xC2\x85", *ls = "\xE2\x80\xA8", *ps = "\xE2\x80\xA9";
    INT_EQ(srcfile_break_len(nel, nel + 2), 2);
    INT_EQ(srcfile_break_len(ls, ls + 3), 3);
    INT_EQ(srcfile_break_len(ps, ps + 3), 3);
    const char *nbsp = "\xC2\xA0", *euro = "\xE2\x82\xAC";
    INT_EQ(srcfile_break_len(nbsp, nbsp + 2), 0);          /* not a break */
    INT_EQ(srcfile_break_len(euro, euro + 3), 0);
    INT_EQ(srcfile_break_len(ls, ls + 2), 0);              /* cut off */
    INT_EQ(srcfile_break_len(s, s), 0);                    /* empty */
  }

  /* Every kind of break. Byte offsets:
   *   line 1 "ab"  0-1,  LF   2
   *   line 2 "cd"  3-4,  CRLF 5-6
   *   line 3 "ef"  7-8,  CR   9
   *   line 4 "gh" 10-11, NEL 12-13
   *   line 5 "ij" 14-15, LS  16-18
   *   line 6 "kl" 19-20, PS  21-23
   *   line 7 "mn" 24-25; len 26 */
  static const char all[] =
    "ab\n" "cd\r\n" "ef\r" "gh\xC2\x85" "ij\xE2\x80\xA8" "kl\xE2\x80\xA9" "mn";
  struct srcfile *sf = srcfile_from_mem("breaks.yaml", all, sizeof all - 1);

  CASE("srcfile_from_mem");
  STR_EQ(sf->name, "breaks.yaml");
  INT_EQ(sf->len, 26);
  INT_EQ(sf->body, 0);
  INT_EQ(sf->nlines, 7);
  OK(sf->data[sf->len] == '\0');
  OK(sf->data != all);                       /* copied */

  CASE("srcfile_locate: LF, CRLF, CR, NEL, LS, PS");
  AT(sf, 0, 1, 1);
  AT(sf, 1, 1, 2);
  AT(sf, 2, 1, 3);        /* the LF itself ends line 1 */
  AT(sf, 3, 2, 1);
  AT(sf, 4, 2, 2);
  AT(sf, 5, 2, 3);        /* the CR of CRLF */
  AT(sf, 7, 3, 1);        /* CRLF is one break, not two */
  AT(sf, 8, 3, 2);
  AT(sf, 10, 4, 1);       /* lone CR */
  AT(sf, 12, 4, 3);       /* NEL belongs to line 4 */
  AT(sf, 14, 5, 1);       /* after NEL */
  AT(sf, 15, 5, 2);
  AT(sf, 19, 6, 1);       /* after LS */
  AT(sf, 24, 7, 1);       /* after PS */
  AT(sf, 25, 7, 2);
  AT(sf, 26, 7, 3);       /* the end of the file */

  CASE("srcfile_locate: offsets past the end are clamped");
  AT(sf, 27, 7, 3);
  AT(sf, 1000000, 7, 3);
  AT(sf, (size_t)-1, 7, 3);

  CASE("srcfile_line");
  LINE_IS(sf, 1, "ab");
  LINE_IS(sf, 2, "cd");     /* without CR LF */
  LINE_IS(sf, 3, "ef");     /* without CR */
  LINE_IS(sf, 4, "gh");     /* without NEL */
  LINE_IS(sf, 5, "ij");     /* without LS */
  LINE_IS(sf, 6, "kl");     /* without PS */
  LINE_IS(sf, 7, "mn");
  LINE_IS(sf, 0, "");       /* no line 0 */
  LINE_IS(sf, 8, "");       /* past the last line */
  {
    size_t n;
    const char *p = srcfile_line(sf, 2, &n);
    OK(p == sf->data + 3);
  }

  CASE("srcfile_offset: libyaml line0/col0 -> byte offset");
  INT_EQ(srcfile_offset(sf, 0, 0), 0);
  INT_EQ(srcfile_offset(sf, 0, 1), 1);
  INT_EQ(srcfile_offset(sf, 1, 0), 3);
  INT_EQ(srcfile_offset(sf, 1, 1), 4);
  INT_EQ(srcfile_offset(sf, 2, 1), 8);
  INT_EQ(srcfile_offset(sf, 4, 0), 14);
  INT_EQ(srcfile_offset(sf, 6, 2), 26);
  INT_EQ(srcfile_offset(sf, 1, 50), 5);     /* stops at the line's break */
  INT_EQ(srcfile_offset(sf, 3, 9), 12);     /* stops at NEL */
  INT_EQ(srcfile_offset(sf, 7, 0), 26);     /* no such line: the end */
  INT_EQ(srcfile_offset(sf, 99, 3), 26);
  srcfile_free(sf);

  CASE("a file that ends with a line break");
  /* "a\n": line 2 is empty and starts at offset 2 */
  sf = srcfile_from_mem("t.yaml", "a\n", 2);
  INT_EQ(sf->nlines, 2);
  AT(sf, 1, 1, 2);
  AT(sf, 2, 2, 1);
  LINE_IS(sf, 2, "");
  srcfile_free(sf);

  CASE("an empty file");
  sf = srcfile_from_mem("empty.yaml", "", 0);
  INT_EQ(sf->len, 0);
  INT_EQ(sf->nlines, 1);
  AT(sf, 0, 1, 1);
  AT(sf, 5, 1, 1);
  LINE_IS(sf, 1, "");
  INT_EQ(srcfile_offset(sf, 0, 3), 0);
  srcfile_free(sf);

  CASE("multi-byte characters count as one column");
  /* Line 1: "é€😀x" = é (2 bytes, 0-1), € (3 bytes, 2-4), 😀 (4 bytes,
   * 5-8), x (9); LF at 10. Line 2: "ab" at 11-12. */
  static const char mb[] = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80x\nab";
  sf = srcfile_from_mem("mb.yaml", mb, sizeof mb - 1);
  AT(sf, 0, 1, 1);        /* é */
  AT(sf, 2, 1, 2);        /* € */
  AT(sf, 5, 1, 3);        /* 😀 */
  AT(sf, 9, 1, 4);        /* x */
  AT(sf, 10, 1, 5);       /* the LF */
  AT(sf, 11, 2, 1);
  AT(sf, 12, 2, 2);
  AT(sf, 1, 1, 2);        /* inside é: é is already counted */
  INT_EQ(srcfile_offset(sf, 0, 1), 2);
  INT_EQ(srcfile_offset(sf, 0, 2), 5);
  INT_EQ(srcfile_offset(sf, 0, 3), 9);
  INT_EQ(srcfile_offset(sf, 0, 4), 10);
  INT_EQ(srcfile_offset(sf, 0, 40), 10);   /* never past the break */
  INT_EQ(srcfile_offset(sf, 1, 1), 12);
  LINE_IS(sf, 1, "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80x");
  srcfile_free(sf);

  CASE("a UTF-8 BOM is not a column");
  /* BOM 0-2, then line 1 "k: é" = k 3, : 4, ' ' 5, é 6-7; LF 8;
   * line 2 "ab" at 9-10. */
  static const char bom[] = "\xEF\xBB\xBF" "k: \xC3\xA9\nab";
  sf = srcfile_from_mem("bom.yaml", bom, sizeof bom - 1);
  INT_EQ(sf->body, 3);
  INT_EQ(sf->nlines, 2);
  AT(sf, 3, 1, 1);        /* k */
  AT(sf, 0, 1, 1);        /* inside the BOM: the start of the text */
  AT(sf, 6, 1, 4);        /* é */
  AT(sf, 8, 1, 5);        /* the LF */
  AT(sf, 9, 2, 1);
  AT(sf, 10, 2, 2);
  INT_EQ(srcfile_offset(sf, 0, 0), 3);
  INT_EQ(srcfile_offset(sf, 0, 3), 6);
  INT_EQ(srcfile_offset(sf, 1, 1), 10);
  LINE_IS(sf, 1, "k: \xC3\xA9");          /* the BOM is not shown */
  srcfile_free(sf);

  CASE("a BOM alone, and bytes that only look like a BOM");
  sf = srcfile_from_mem("b.yaml", "\xEF\xBB\xBF", 3);
  INT_EQ(sf->body, 3);
  AT(sf, 3, 1, 1);
  srcfile_free(sf);
  sf = srcfile_from_mem("b.yaml", "a\xEF\xBB\xBF" "b", 5);   /* BOM mid-file */
  INT_EQ(sf->body, 0);
  AT(sf, 4, 1, 3);        /* a, U+FEFF, b: b is column 3 */
  srcfile_free(sf);

  CASE("many lines (the line table grows)");
  {
    char buf[3000];
    size_t n = 0;
    for (int i = 0; i < 1000; i++) { buf[n++] = 'x'; buf[n++] = (i % 2) ? '\n' : '\r'; }
    /* 1000 breaks, alternating CR and LF: never CR LF, so 1001 lines. */
    sf = srcfile_from_mem("many.yaml", buf, n);
    INT_EQ(sf->nlines, 1001);
    AT(sf, 2 * 500, 501, 1);
    AT(sf, 2 * 999 + 1, 1000, 2);
    INT_EQ(srcfile_offset(sf, 700, 1), 1401);
    LINE_IS(sf, 1000, "x");
    srcfile_free(sf);
  }

  CASE("srcfile_load of a missing file");
  {
    const char *why = NULL;
    OK(srcfile_load("/nonexistent/dir/brief.yaml", &why) == NULL);
    OK(why != NULL && strstr(why, "No such file") != NULL);
    why = NULL;
    OK(srcfile_load("/tmp", &why) == NULL);
    STR_EQ(why, "is a directory");
  }
}
