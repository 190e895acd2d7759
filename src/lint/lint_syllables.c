/* lint_syllables.c - Dutch syllables: hyphenation points, then vowels.
 *
 * The only file that uses libhyphen. Hyphenation patterns (Debian's
 * hyphen-nl, Latin-1) know Dutch compounds and morpheme boundaries
 * (be-ij-ve-ren, werk-loos-heids-uit-ke-ring) but leave out breaks that
 * typesetting avoids (i-dee, e-ven, bi-o-scoop). So we count vowel
 * nuclei within each hyphenated piece: a Dutch nucleus is one vowel or a
 * known vowel group (aa ee oo uu ie oe eu ui ei ij ou au aai ooi oei eeu
 * ieu), a vowel with a diaeresis always starts a new one, and other
 * adjacent vowels (i-o, e-a) are separate syllables. Loanwords that break
 * these rules (team, website) come from wordlist/lettergrepen.txt. */
#include "lint_int.h"
#include <hyphen.h>
#include <string.h>

void *syllables_load(const char *datadir)
{
  (void)datadir;
  static const char *const paths[] = {
    "/usr/share/hyphen/hyph_nl_NL.dic", "/usr/share/hyphen/hyph_nl.dic",
  };
  for (size_t i = 0; i < G_N_ELEMENTS(paths); i++) {
    HyphenDict *h = g_file_test(paths[i], G_FILE_TEST_IS_REGULAR) ? hnj_hyphen_load(paths[i]) : NULL;
    if (h) return h;
  }
  return NULL;
}

void syllables_free(void *hyph)
{
  if (hyph) hnj_hyphen_free(hyph);
}

/* Lower-case vowel class of a Unicode character: 1 plain vowel, 2 vowel
 * with a diaeresis (starts a new syllable), 0 not a vowel. */
static int vowel_class(gunichar c)
{
  switch (c) {
  case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
  case 0xE1: case 0xE9: case 0xED: case 0xF3: case 0xFA:    /* á é í ó ú */
  case 0xE0: case 0xE8: case 0xF2: case 0xE2: case 0xEA: case 0xF4: /* à è ò â ê ô */
    return 1;
  case 0xE4: case 0xEB: case 0xEF: case 0xF6: case 0xFC:    /* ä ë ï ö ü */
    return 2;
  default:
    return 0;
  }
}

static const char *const groups[] = {   /* longest first */
  "aai", "ooi", "oei", "eeu", "ieu", "eau", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui",
  "ei", "ij", "ou", "au",
  "oa", "ai",                            /* loanwords: download, coach, mail, trainer */
};

/* Nuclei in a lower-case ASCII-ish piece; accented vowels count as vowels. */
static unsigned nuclei(const char *s)
{
  unsigned n = 0;
  const char *p = s;
  while (*p) {
    gunichar c = g_utf8_get_char(p);
    int v = vowel_class(c);
    if (!v) { p = g_utf8_next_char(p); continue; }
    n++;
    if (v == 1) {
      size_t skip = 0;
      for (size_t g = 0; g < G_N_ELEMENTS(groups); g++)
        if (!strncmp(p, groups[g], strlen(groups[g]))) { skip = strlen(groups[g]); break; }
      if (skip) { p += skip; continue; }
    }
    p = g_utf8_next_char(p);
    /* "ij" after a consonant: "ij" handled above; a lone y counts once. */
  }
  return n;
}

/* Nuclei in Latin-1 bytes [a, b): the same rules as nuclei(), on the
 * hyphenation patterns' own encoding (no conversion per piece). */
/* The plain vowel of a Latin-1 vowel with a diaeresis. */
static unsigned char plain_latin1(unsigned char c)
{
  switch (c) {
  case 0xE4: return 'a';
  case 0xEB: return 'e';
  case 0xEF: return 'i';
  case 0xF6: return 'o';
  case 0xFC: return 'u';
  default: return c;
  }
}

static unsigned nuclei_latin1(const unsigned char *p, const unsigned char *end)
{
  unsigned n = 0;
  while (p < end) {
    int v = vowel_class(*p);
    if (!v) { p++; continue; }
    n++;
    /* A diaeresis starts a new syllable, but may open a vowel group of its
     * own: be-ëin-di-gen, ge-ëerd, na-ïef. */
    size_t skip = 0;
    for (size_t g = 0; g < G_N_ELEMENTS(groups); g++) {
      size_t gl = strlen(groups[g]);
      if ((size_t)(end - p) < gl || plain_latin1(p[0]) != (unsigned char)groups[g][0]) continue;
      if (!memcmp(p + 1, groups[g] + 1, gl - 1)) { skip = gl; break; }
    }
    p += skip ? skip : 1;
  }
  return n;
}

/* Syllables of one hyphen-free lower-case word. */
static unsigned word_syllables(const struct lint_data *d, const char *w)
{
  gpointer fix = g_hash_table_lookup(d->syllable_fix, w);
  if (fix) return GPOINTER_TO_UINT(fix);
  gsize n = 0;
  char *latin = g_convert(w, -1, "ISO-8859-1", "UTF-8", NULL, &n, NULL);
  unsigned total = 0;
  if (latin && n > 0 && n < 200 && d->hyph) {
    char hyphens[256] = { 0 }, hword[512];
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    hnj_hyphen_hyphenate3(d->hyph, latin, (int)n, hyphens, hword, &rep, &pos, &cut, 1, 1, 1, 1);
    if (rep) {
      for (gsize i = 0; i < n; i++) free(rep[i]);
      free(rep);
    }
    free(pos);
    free(cut);
    /* Count nuclei in each piece between hyphenation points. */
    const unsigned char *u = (const unsigned char *)latin;
    gsize start = 0;
    for (gsize i = 0; i < n; i++)
      if ((hyphens[i] & 1) || i + 1 == n) {
        total += nuclei_latin1(u + start, u + i + 1);
        start = i + 1;
      }
  } else {
    total = nuclei(w);
  }
  g_free(latin);
  return total ? total : 1;
}

unsigned lint_syllables(const struct lint_data *d, const char *word, size_t len)
{
  char *w = g_utf8_strdown(word, (gssize)len);
  gpointer fix = g_hash_table_lookup(d->syllable_fix, w);
  if (!fix) fix = g_hash_table_lookup(d->syllable_cache, w);
  unsigned total = 0;
  if (fix) {
    total = GPOINTER_TO_UINT(fix);
  } else {
    /* e-mail, WW-uitkering: each part on its own. */
    char **parts = g_strsplit_set(w, "-'", -1);
    for (char **p = parts; *p; p++)
      if (**p) total += word_syllables(d, *p);
    g_strfreev(parts);
    if (!total) total = 1;
    g_hash_table_insert(d->syllable_cache, g_strdup(w), GUINT_TO_POINTER(total));
  }
  g_free(w);
  return total ? total : 1;
}
