/* lint_tokens.c - Dutch text into tokens and sentences.
 *
 * Written for the texts of letters, where the traps are full stops that do
 * not end a sentence: abbreviations (bijv., o.a., d.w.z., t.a.v., nr.),
 * initials (J.T. Dekker), amounts (€ 1.250,50), dates (01-04-2026), times
 * (10.00 uur), and web and e-mail addresses. Such things become one token
 * each. A sentence ends at . ? ! when what follows starts a new one (an
 * upper-case word, a number, a list marker, a line break); a blank line, a
 * list marker at the start of a line, or a short line without final
 * punctuation (a heading) also end one. */
#include "lint_int.h"
#include "../base/xalloc.h"
#include <string.h>

/* Abbreviations written as one word with a full stop. */
static const char *const abbrevs[] = {
  "bijv", "nr", "dhr", "mevr", "ca", "blz", "tel", "evt", "incl", "excl", "max", "min",
  "jl", "enz", "etc", "vgl", "zgn", "resp", "afd", "mr", "dr", "ir", "drs", "ing", "prof",
  "st", "jr", "sr", "fa", "okt", "nov", "dec", "jan", "feb", "mrt", "apr", "aug", "sep",
  "sept", "ma", "di", "wo", "do", "vr", "za", "zo", "art", "lid", "bv", "nv", "vs", "id",
};
/* Abbreviations that may end a sentence: "... brieven, formulieren enz. Daarna". */
static const char *const final_abbrevs[] = { "enz.", "etc.", "e.d.", "e.a." };

static bool is_abbrev_word(const char *s, size_t len)
{
  for (size_t i = 0; i < G_N_ELEMENTS(abbrevs); i++)
    if (strlen(abbrevs[i]) == len && g_ascii_strncasecmp(abbrevs[i], s, len) == 0) return true;
  return false;
}

static gunichar char_at(const char *s, size_t len, size_t i)
{
  if (i >= len) return 0;
  gunichar c = g_utf8_get_char_validated(s + i, (gssize)(len - i));
  return c == (gunichar)-1 || c == (gunichar)-2 ? 0xFFFD : c;
}

static size_t char_len(const char *s, size_t len, size_t i)
{
  if (i >= len) return 0;
  size_t n = (size_t)(g_utf8_next_char(s + i) - (s + i));
  return n && i + n <= len ? n : 1;
}

static bool is_space(gunichar c) { return g_unichar_isspace(c) || c == 0xA0; }

static void push(struct tokens *tk, size_t off, size_t len, enum tok_kind kind, unsigned nl)
{
  if (tk->n == tk->cap) {
    tk->cap = tk->cap ? tk->cap * 2 : 64;
    tk->t = xrealloc(tk->t, tk->cap * sizeof *tk->t);
  }
  struct token *t = &tk->t[tk->n++];
  t->off = (uint32_t)off;
  t->len = (uint32_t)len;
  t->kind = kind;
  t->newlines = (uint8_t)(nl > 2 ? 2 : nl);
  gunichar c = char_at(tk->s, off + len, off);
  t->cap = g_unichar_isupper(c);
  unsigned letters = 0, upper = 0;
  for (size_t i = off; i < off + len; i += char_len(tk->s, off + len, i)) {
    gunichar u = char_at(tk->s, off + len, i);
    if (g_unichar_isalpha(u)) { letters++; if (g_unichar_isupper(u)) upper++; }
  }
  t->allcaps = letters >= 2 && upper == letters;
}

/* A run of digits with inner separators (. , : / -) each followed by a
 * digit: 1.250,50  01-04-2026  10.00  9:45. Returns its end. */
static size_t scan_number(const char *s, size_t len, size_t i)
{
  while (i < len) {
    if (g_ascii_isdigit(s[i])) { i++; continue; }
    if (strchr(".,:/-", s[i]) && i + 1 < len && g_ascii_isdigit(s[i + 1])) { i++; continue; }
    if (s[i] == ',' && i + 1 < len && s[i + 1] == '-') { i += 2; break; }   /* € 25,- */
    break;
  }
  return i;
}

static size_t count_digits(const char *s, size_t a, size_t b)
{
  size_t n = 0;
  for (size_t i = a; i < b; i++) n += g_ascii_isdigit(s[i]) != 0;
  return n;
}

/* A phone number: starts with 0 or +31 and has 10 or more digits in
 * groups separated by single spaces or dashes, or is a free or paid
 * service number of 8 or more (0800 0543, 0900-1234). Returns its end or 0. */
static size_t scan_phone(const char *s, size_t len, size_t i)
{
  if (!(s[i] == '0' || (s[i] == '+' && i + 1 < len && g_ascii_isdigit(s[i + 1])))) return 0;
  size_t j = i + (s[i] == '+'), end = j;
  while (j < len) {
    size_t k = j;
    while (k < len && g_ascii_isdigit(s[k])) k++;
    if (k == j) break;
    end = k;
    if (count_digits(s, i, end) >= 10) break;
    if (k + 1 < len && (s[k] == ' ' || s[k] == '-') && g_ascii_isdigit(s[k + 1])) j = k + 1;
    else break;
  }
  size_t digits = count_digits(s, i, end);
  bool service = !strncmp(s + i, "0800", 4) || !strncmp(s + i, "0900", 4) ||
                 !strncmp(s + i, "0906", 4) || !strncmp(s + i, "0909", 4);
  return (digits >= 10 || (service && digits >= 8)) && digits <= 13 ? end : 0;
}

/* An IBAN, with or without spaces: two capitals, two digits, then 10 to
 * 30 capitals and digits in groups. Returns its end, or I. */
static size_t scan_iban(const char *s, size_t len, size_t i)
{
  if (i + 4 > len || !g_ascii_isupper(s[i]) || !g_ascii_isupper(s[i + 1]) ||
      !g_ascii_isdigit(s[i + 2]) || !g_ascii_isdigit(s[i + 3]))
    return i;
  size_t j = i + 4, chars = 0, end = i;
  while (j < len) {
    if (s[j] == ' ' && j + 1 < len && g_ascii_isalnum(s[j + 1])) { j++; continue; }
    if (!g_ascii_isupper(s[j]) && !g_ascii_isdigit(s[j])) break;
    chars++;
    j++;
    end = j;
  }
  return chars >= 10 && chars <= 30 ? end : i;
}

/* Trailing punctuation is not part of an address: "zie www.x.nl." */
static size_t trim_trailing(const char *s, size_t a, size_t b)
{
  while (b > a && strchr(".,;:!?)\"'", s[b - 1])) b--;
  return b;
}

static size_t scan_nonspace(const char *s, size_t len, size_t i)
{
  while (i < len && !is_space(char_at(s, len, i))) i += char_len(s, len, i);
  return i;
}

static bool looks_like_email(const char *s, size_t a, size_t b)
{
  const char *at = memchr(s + a, '@', b - a);
  if (!at || at == s + a) return false;
  const char *dot = memchr(at, '.', (size_t)(s + b - at));
  return dot && dot > at + 1 && dot < s + b - 1;
}

/* A bare domain name: name.tld or name.name.tld, optionally with a path,
 * for the top-level domains letters use. */
static bool looks_like_domain(const char *s, size_t a, size_t b)
{
  static const char *const tlds[] = { "nl", "com", "org", "eu", "net", "be", "de", "info", "gov", "nu" };
  const char *slash = memchr(s + a, '/', b - a);
  size_t host_end = slash ? (size_t)(slash - s) : b;
  const char *dot = NULL;
  for (size_t i = a; i < host_end; i++) {
    char ch = s[i];
    if (ch == '.') dot = s + i;
    else if (!g_ascii_isalnum(ch) && ch != '-') return false;
  }
  if (!dot || dot == s + a) return false;
  size_t tl = host_end - (size_t)(dot + 1 - s);
  for (size_t i = 0; i < G_N_ELEMENTS(tlds); i++)
    if (strlen(tlds[i]) == tl && !g_ascii_strncasecmp(dot + 1, tlds[i], tl)) return true;
  return false;
}

/* A word: letters and digits, with inner hyphens and apostrophes
 * (WW-uitkering, auto's, zo'n, 2e). */
static size_t scan_word(const char *s, size_t len, size_t i)
{
  while (i < len) {
    gunichar c = char_at(s, len, i);
    if (g_unichar_isalnum(c) || g_unichar_ismark(c)) { i += char_len(s, len, i); continue; }
    /* inner hyphens (also U+2010 and the non-breaking U+2011) and apostrophes */
    if ((c == '-' || c == 0x2010 || c == 0x2011 || c == '\'' || c == 0x2019) && i + 1 < len) {
      size_t n = char_len(s, len, i);
      gunichar d = char_at(s, len, i + n);
      if (g_unichar_isalnum(d)) { i += n; continue; }
    }
    break;
  }
  return i;
}

/* An HTML character reference (&amp; &#8211;): its length, or 0. */
static size_t html_entity(const char *s, size_t len, size_t i)
{
  if (s[i] != '&') return 0;
  size_t j = i + 1;
  bool num = j < len && s[j] == '#';
  if (num) j++;
  size_t from = j;
  while (j < len && j - from < 8 && (num ? g_ascii_isdigit(s[j]) : g_ascii_isalpha(s[j]))) j++;
  return j - from >= 2 && j < len && s[j] == ';' ? j + 1 - i : 0;
}

static void tokenize(struct tokens *tk, const char *s, size_t len)
{
  size_t i = 0;
  unsigned nl = 0;
  bool line_start = true;
  while (i < len) {
    gunichar c = char_at(s, len, i);
    if (is_space(c)) {
      if (c == '\n') { nl++; line_start = true; }
      i += char_len(s, len, i);
      continue;
    }
    size_t start = i, end;
    enum tok_kind kind;
    /* A list marker opens a line: "- ", "* ", "• ", "1. ", "a) ". */
    if (line_start && (c == '-' || c == '*' || c == 0x2022 || c == 0x2013) &&
        i + char_len(s, len, i) < len && is_space(char_at(s, len, i + char_len(s, len, i)))) {
      push(tk, i, char_len(s, len, i), TOK_BULLET, nl);
      i += char_len(s, len, i);
      nl = 0;
      line_start = false;
      continue;
    }
    if (line_start && g_ascii_isdigit(s[i])) {
      size_t k = i;
      while (k < len && g_ascii_isdigit(s[k])) k++;
      if (k - i <= 2 && k + 1 < len && (s[k] == '.' || s[k] == ')') && s[k + 1] == ' ') {
        push(tk, i, k + 1 - i, TOK_BULLET, nl);
        i = k + 1;
        nl = 0;
        line_start = false;
        continue;
      }
    }
    line_start = false;
    size_t ent = html_entity(s, len, i);
    if (ent) {
      end = i + ent;            /* &amp; in text copied from a web page: punctuation */
      kind = TOK_PUNCT;
    } else if (s[i] == '{' && i + 1 < len && s[i + 1] == '{') {
      const char *close = g_strstr_len(s + i, (gssize)(len - i), "}}");
      end = close ? (size_t)(close - s) + 2 : len;
      kind = TOK_VAR;
    } else if (g_ascii_strncasecmp(s + i, "http://", 7) == 0 ||
               g_ascii_strncasecmp(s + i, "https://", 8) == 0 ||
               g_ascii_strncasecmp(s + i, "www.", 4) == 0) {
      end = trim_trailing(s, i, scan_nonspace(s, len, i));
      kind = TOK_URL;
    } else if (c == 0x20AC || (g_ascii_strncasecmp(s + i, "EUR ", 4) == 0 && i + 4 < len &&
                               g_ascii_isdigit(s[i + 4]))) {
      size_t k = i + (c == 0x20AC ? char_len(s, len, i) : 3);
      while (k < len && (s[k] == ' ' || (unsigned char)s[k] == 0xC2)) k += s[k] == ' ' ? 1 : 2;
      if (k < len && g_ascii_isdigit(s[k])) { end = scan_number(s, len, k); kind = TOK_AMOUNT; }
      else { end = i + char_len(s, len, i); kind = TOK_PUNCT; }
    } else if (g_ascii_isdigit(s[i]) || s[i] == '+') {
      size_t phone = scan_phone(s, len, i);
      if (phone) {
        end = phone;
        kind = TOK_PHONE;
      } else if (s[i] == '+') {
        end = i + 1;
        kind = TOK_PUNCT;
      } else {
        end = scan_number(s, len, i);
        kind = TOK_NUMBER;
        /* 4813 GS: four digits, a space, two capitals, then no letter. */
        if (end - i == 4 && s[i] != '0' && end + 3 <= len && s[end] == ' ' &&
            g_ascii_isupper(s[end + 1]) && g_ascii_isupper(s[end + 2]) &&
            (end + 3 == len || !g_unichar_isalpha(char_at(s, len, end + 3)))) {
          end += 3;
          kind = TOK_POSTCODE;
        } else if (end < len && s[end] == '%') {
          end++;
        } else if (end < len && g_unichar_isalpha(char_at(s, len, end))) {
          end = scan_word(s, len, end);                      /* 2e, 3de, 18-jarige */
          kind = TOK_WORD;
        }
      }
    } else if ((end = scan_iban(s, len, i)) > i) {
      kind = TOK_NUMBER;                   /* NL91 ABNA 0417 1643 00 */
    } else if (g_unichar_isalpha(c)) {
      end = scan_word(s, len, i);
      kind = TOK_WORD;
      size_t after = scan_nonspace(s, len, i);
      if (looks_like_email(s, i, trim_trailing(s, i, after))) {
        end = trim_trailing(s, i, after);
        kind = TOK_EMAIL;
      } else if (looks_like_domain(s, i, trim_trailing(s, i, after))) {
        end = trim_trailing(s, i, after);            /* uwv.nl, mijn.overheid.nl/zaken */
        kind = TOK_URL;
      } else if (end < len && s[end] == '.') {
        /* Initials (J.T.), dotted abbreviations (d.w.z., t.a.v.) and known
         * abbreviations with one stop (bijv., nr.). */
        size_t wl = end - i;
        bool single = g_utf8_strlen(s + i, (gssize)wl) == 1;
        if (single && g_unichar_isupper(c)) {
          end++;
          while (end + 1 < len && g_unichar_isupper(char_at(s, len, end)) &&
                 s[end + char_len(s, len, end)] == '.')
            end += char_len(s, len, end) + 1;
          kind = TOK_INITIALS;
        } else if (wl <= 4 && end + 2 < len && g_unichar_isalpha(char_at(s, len, end + 1))) {
          size_t k = end + 1, j = scan_word(s, len, k);
          if (j - k <= 4 && j < len && s[j] == '.') {
            end = j + 1;
            while (end + 1 < len && g_unichar_isalpha(char_at(s, len, end))) {
              size_t e2 = scan_word(s, len, end);
              if (e2 - end > 4 || e2 >= len || s[e2] != '.') break;
              end = e2 + 1;
            }
            kind = TOK_ABBREV;
          } else if (is_abbrev_word(s + i, wl)) {
            end++;
            kind = TOK_ABBREV;
          }
        } else if (is_abbrev_word(s + i, wl)) {
          end++;
          kind = TOK_ABBREV;
        }
      }
    } else {
      end = i + char_len(s, len, i);
      kind = TOK_PUNCT;
    }
    if (end <= start) end = start + char_len(s, len, start);
    push(tk, start, end - start, kind, nl);
    nl = 0;
    i = end;
  }
}

bool token_is_word(const struct token *t)
{
  return t->kind != TOK_PUNCT && t->kind != TOK_BULLET;
}

static bool punct_is(const struct tokens *tk, size_t i, const char *chars)
{
  const struct token *t = &tk->t[i];
  return t->kind == TOK_PUNCT && t->len == 1 && strchr(chars, tk->s[t->off]);
}

bool token_is(const struct tokens *tk, size_t i, const char *lit)
{
  const struct token *t = &tk->t[i];
  return strlen(lit) == t->len && g_ascii_strncasecmp(tk->s + t->off, lit, t->len) == 0;
}

char *token_lower(const struct tokens *tk, size_t i)
{
  return g_utf8_strdown(tk->s + tk->t[i].off, tk->t[i].len);
}

/* The line that token I is on, up to the line break, is short and does
 * not end in punctuation: a heading or a label ("Wat moet u doen"). */
static bool heading_line_ends(const struct tokens *tk, size_t i)
{
  size_t j = i + 1;
  if (j >= tk->n || tk->t[j].newlines == 0) return false;
  if (tk->t[i].kind == TOK_PUNCT && strchr(".,;:!?", tk->s[tk->t[i].off])) return false;
  size_t k = i;
  while (k > 0 && tk->t[k].newlines == 0) k--;
  size_t chars = tk->t[i].off + tk->t[i].len - tk->t[k].off;
  return chars < 60 && (tk->t[j].cap || tk->t[j].kind == TOK_BULLET || tk->t[j].kind == TOK_NUMBER);
}

static bool starts_sentence(const struct token *t)
{
  return t->cap || t->kind == TOK_NUMBER || t->kind == TOK_BULLET || t->kind == TOK_VAR ||
         t->kind == TOK_INITIALS || t->kind == TOK_AMOUNT || t->kind == TOK_URL ||
         t->kind == TOK_POSTCODE || t->kind == TOK_PHONE;
}

static void add_sentence(struct tokens *tk, size_t first, size_t end)
{
  unsigned words = 0;
  for (size_t i = first; i < end; i++) words += token_is_word(&tk->t[i]);
  if (!words) return;
  if (tk->nsent == tk->sentcap) {
    tk->sentcap = tk->sentcap ? tk->sentcap * 2 : 16;
    tk->sent = xrealloc(tk->sent, tk->sentcap * sizeof *tk->sent);
  }
  tk->sent[tk->nsent++] = (struct sentence){ first, end, words };
}

static void split(struct tokens *tk)
{
  size_t first = 0;
  for (size_t i = 0; i < tk->n; i++) {
    const struct token *t = &tk->t[i];
    /* Breaks before a token: a blank line, a list marker. */
    if (i > first && (t->newlines >= 2 || t->kind == TOK_BULLET)) {
      add_sentence(tk, first, i);
      first = i;
    }
    bool last = i + 1 == tk->n;
    const struct token *next = last ? NULL : &tk->t[i + 1];
    bool end = false;
    if (punct_is(tk, i, ".?!") || (t->kind == TOK_PUNCT && t->len == 3 && !memcmp(tk->s + t->off, "\xE2\x80\xA6", 3))) {
      /* Closing quotes and brackets belong to the sentence they close. */
      while (next && punct_is(tk, i + 1, "\")'")) { i++; next = i + 1 < tk->n ? &tk->t[i + 1] : NULL; }
      /* An opening bracket or quote may come before the next sentence's
       * first word: "gerust. (1.2) Wij". */
      const struct token *nx = next;
      for (size_t j = i + 1; nx && nx->kind == TOK_PUNCT && strchr("(\"'[", tk->s[nx->off]) &&
                             j + 1 < tk->n; j++)
        nx = &tk->t[j + 1];
      end = !next || starts_sentence(next) || next->newlines > 0 || (nx && starts_sentence(nx));
    } else if (t->kind == TOK_ABBREV && next && next->cap) {
      for (size_t k = 0; k < G_N_ELEMENTS(final_abbrevs); k++)
        if (token_is(tk, i, final_abbrevs[k])) end = true;
    } else if (heading_line_ends(tk, i)) {
      end = true;
    } else if (punct_is(tk, i, ":") && next && next->newlines > 0) {
      end = true;                  /* "Neem mee:" and a list under it */
    }
    if (end) {
      add_sentence(tk, first, i + 1);
      first = i + 1;
    }
  }
  if (first < tk->n) add_sentence(tk, first, tk->n);
}

void tokens_build(struct tokens *tk, const char *s, size_t len)
{
  memset(tk, 0, sizeof *tk);
  tk->s = s;
  tokenize(tk, s, len);
  split(tk);
}

void tokens_free(struct tokens *tk)
{
  free(tk->t);
  free(tk->sent);
  memset(tk, 0, sizeof *tk);
}

char *lint_capitalised(const char *s)
{
  char buf[8];
  int n = g_unichar_to_utf8(g_unichar_toupper(g_utf8_get_char(s)), buf);
  return g_strdup_printf("%.*s%s", n, buf, g_utf8_next_char(s));
}
