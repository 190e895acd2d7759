/* lint_consistency.c - one notation for one thing within a letter.
 *
 * Rules (docs/vocabulary.md explains each):
 *   consistency.address   'u' and 'je' in one letter
 *   consistency.time      10.00 uur and 9:45
 *   consistency.date      3 maart 2026 and 03-03-2026
 *   consistency.amount    € 1.250,00 and EUR 1250
 *   consistency.phone     0800 123 45 67 and 0800-1234567
 * The first notation a letter uses sets the norm; a later, different one
 * is reported once per notation, at its place, with a note at the first.
 * The same classes compare letters with each other (lint_set in lint.c). */
#include "lint_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void first_use_clear(struct first_use *f)
{
  g_free(f->shown);
  g_free(f->file);
  memset(f, 0, sizeof *f);
  f->cls = -1;
}

bool consistency_use(struct unit *u, struct lint_state *st, enum cons_cat cat, int cls,
                     const struct text *t, size_t off, size_t len, const char *suggestion,
                     const char *rule, const char *how)
{
  struct first_use *f = &st->first[cat];
  if (f->cls < 0) {
    struct srcloc at = text_locate(t, off);
    f->cls = cls;
    f->t = t;
    f->off = off;
    f->len = len;
    f->shown = g_strndup(t->s + off, len);
    f->file = g_strdup(at.file ? at.file->name : t->file ? t->file->name : "<input>");
    f->line = at.line;
    f->col = at.col;
    return false;
  }
  if (f->cls == cls) return false;
  char key[64];
  snprintf(key, sizeof key, "%d/%d", (int)cat, cls);
  if (!st->every_use && g_hash_table_contains(st->reported, key)) return true;
  g_hash_table_add(st->reported, g_strdup(key));
  char *here = g_strndup(t->s + off, len);
  struct diag *d = diag_text(&u->diags, DIAG_WARNING, rule, t, off, len, suggestion,
                             "'%s': this letter %s '%s' (first used at line %u); "
                             "use one form throughout", here, how, f->shown, f->line);
  char note[256];
  snprintf(note, sizeof note, "'%s' first used here", f->shown);
  diag_note_text(&u->diags, d, f->t, f->off, f->len, note);
  g_free(here);
  /* Notations can be normalised safely; a form of address cannot (the
   * verb changes with it: "heb je" is "heeft u"). */
  if (strcmp(rule, "consistency.address")) diag_fix_text(&u->diags, d, t, off, len, suggestion);
  return true;
}

/* ---- forms of address ---------------------------------------------------------------- */

static int address_class(const char *w)
{
  static const char *const formal[] = { "u", "uw", "uzelf" };
  static const char *const informal[] = { "je", "jij", "jou", "jouw", "jezelf", "jullie" };
  for (size_t i = 0; i < G_N_ELEMENTS(formal); i++)
    if (!strcmp(w, formal[i])) return 0;
  for (size_t i = 0; i < G_N_ELEMENTS(informal); i++)
    if (!strcmp(w, informal[i])) return 1;
  return -1;
}

/* ---- times ----------------------------------------------------------------------------- */

/* H.MM or H:MM with a real hour and minute: SEP gets '.' or ':'. */
static bool clock_shape(const char *s, size_t len, char *sep)
{
  if (len < 4 || len > 5) return false;
  size_t h = len - 3;
  if (!(s[h] == '.' || s[h] == ':')) return false;
  for (size_t i = 0; i < len; i++)
    if (i != h && !g_ascii_isdigit(s[i])) return false;
  int hour = atoi(s), min = atoi(s + h + 1);
  *sep = s[h];
  return hour <= 24 && min < 60;
}

/* A clock time, or a range written as one token: 9.00-17.00, 13:00-15:00. */
static bool clock_or_range(const char *s, size_t len, char *sep)
{
  if (clock_shape(s, len, sep)) return true;
  const char *dash = memchr(s, '-', len);
  char sep2;
  return dash && clock_shape(s, (size_t)(dash - s), sep) &&
         clock_shape(dash + 1, len - (size_t)(dash - s) - 1, &sep2) && sep2 == *sep;
}

static bool is_low(char **low, size_t n, size_t i, const char *w)
{
  return i < n && !strcmp(low[i], w);
}

/* 10.00 is a time in "om 10.00 uur", "van 8.30 tot 17.00 uur"; 9:45 is one
 * on its own. Returns the class (0 dot, 1 colon) or -1. */
static int time_class(const struct tokens *tk, char **low, size_t i)
{
  const struct token *t = &tk->t[i];
  char sep;
  if (t->kind != TOK_NUMBER || !clock_or_range(tk->s + t->off, t->len, &sep)) return -1;
  if (sep == ':') return 1;
  static const char *const before[] = { "om", "van", "vanaf", "tot", "tussen", "na", "voor", "rond" };
  for (size_t j = 0; i > 0 && j < G_N_ELEMENTS(before); j++)
    if (!strcmp(low[i - 1], before[j])) return 0;
  if (is_low(low, tk->n, i + 1, "uur")) return 0;
  /* 8.30 - 17.00 uur, 8.30 tot 17.00 uur */
  if (i + 3 < tk->n && (is_low(low, tk->n, i + 1, "-") || is_low(low, tk->n, i + 1, "tot") ||
                        is_low(low, tk->n, i + 1, "en")) &&
      tk->t[i + 2].kind == TOK_NUMBER && is_low(low, tk->n, i + 3, "uur"))
    return 0;
  return -1;
}

/* The time (or range) in the other notation: 9:45 -> 9.45 uur ("uur"
 * only when the text does not have it already: 17:00 uur -> 17.00). */
static char *time_as(const char *s, size_t len, int cls, bool uur_follows)
{
  char *out = g_strndup(s, len);
  for (char *p = out; *p; p++)
    if (*p == '.' || *p == ':') *p = cls ? ':' : '.';
  if (cls == 0 && !uur_follows) {
    char *full = g_strconcat(out, " uur", NULL);
    g_free(out);
    return full;
  }
  return out;
}

/* ---- dates ----------------------------------------------------------------------------- */

static const char *const months[] = {
  "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
  "september", "oktober", "november", "december",
};
static const char *const month_abbr[] = {
  "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
};

/* 1-12 for a month name, -1..-12 for an abbreviation (apr, apr.), 0 else. */
static int month_of(const char *w)
{
  for (int i = 0; i < 12; i++)
    if (!strcmp(w, months[i])) return i + 1;
  size_t n = strlen(w);
  if (n && w[n - 1] == '.') n--;
  for (int i = 0; i < 12; i++)
    if (n == strlen(month_abbr[i]) && !strncmp(w, month_abbr[i], n)) return -(i + 1);
  if (n == 4 && !strncmp(w, "sept", 4)) return -9;
  return 0;
}

/* Date notations. Numeric ones also differ in leading zeros (01-04-2026,
 * 1-4-2026) and in two-figure years (01-04-26). */
enum { DATE_WORDS, DATE_ABBR, DATE_DASH, DATE_SLASH, DATE_DOT, DATE_ISO };
#define DATE_PADDED 8
#define DATE_SHORT_YEAR 16

/* A numeric date: d-m-yyyy, d/m/yyyy, d.m.yyyy (also with yy) or
 * yyyy-mm-dd. Returns the class with its flags, and the day, month and
 * year, or -1. */
static int numeric_date(const char *s, size_t len, int *d, int *m, int *y)
{
  char buf[16];
  if (len < 6 || len > 10) return -1;
  memcpy(buf, s, len);
  buf[len] = '\0';
  char sep = 0;
  for (size_t i = 0; i < len; i++)
    if (!g_ascii_isdigit(buf[i])) { if (sep && buf[i] != sep) return -1; sep = buf[i]; }
  int a, b, c, n = 0;
  char f[16];
  snprintf(f, sizeof f, "%%d%c%%d%c%%d%%n", sep, sep);
  if (!sep || strchr("-/.", sep) == NULL || sscanf(buf, f, &a, &b, &c, &n) != 3 || (size_t)n != len)
    return -1;
  const char *second = strchr(buf, sep) + 1, *third = strchr(second, sep) + 1;
  if (sep == '-' && a >= 1000 && second - buf == 5) {
    *y = a; *m = b; *d = c;
    return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31 ? DATE_ISO | DATE_PADDED : -1;
  }
  *d = a; *m = b; *y = c;
  int flags = (second - buf == 3 && third - second == 3) ? DATE_PADDED : 0;
  if (strlen(third) == 2) { *y += 2000; flags |= DATE_SHORT_YEAR; }
  else if (strlen(third) != 4) return -1;
  if (*d < 1 || *d > 31 || *m < 1 || *m > 12 || *y < 1900 || *y > 2200) return -1;
  return (sep == '-' ? DATE_DASH : sep == '/' ? DATE_SLASH : DATE_DOT) | flags;
}

static char *date_as(int cls, int d, int m, int y)
{
  int base = cls & 7;
  if (base == DATE_WORDS || base == DATE_ABBR) {
    const char *mn = base == DATE_WORDS ? months[m - 1] : month_abbr[m - 1];
    const char *dot = base == DATE_ABBR && strcmp(mn, "mei") ? "." : "";
    return y ? g_strdup_printf("%d %s%s %d", d, mn, dot, y) : g_strdup_printf("%d %s%s", d, mn, dot);
  }
  if (base == DATE_ISO) return g_strdup_printf("%04d-%02d-%02d", y, m, d);
  char sep = base == DATE_DASH ? '-' : base == DATE_SLASH ? '/' : '.';
  int yy = cls & DATE_SHORT_YEAR ? y % 100 : y;
  const char *yf = cls & DATE_SHORT_YEAR ? "%02d" : "%d";
  char fmt[32];
  snprintf(fmt, sizeof fmt, cls & DATE_PADDED ? "%%02d%c%%02d%c%s" : "%%d%c%%d%c%s", sep, sep, yf);
  return g_strdup_printf(fmt, d, m, yy);
}

static void check_date(struct unit *u, const struct text *t, const struct tokens *tk, char **low,
                       struct lint_state *st, size_t i)
{
  const struct token *tok = &tk->t[i];
  if (tok->kind != TOK_NUMBER) return;
  const char *s = tk->s + tok->off;
  int d = 0, m = 0, y = 0, cls;
  size_t end = tok->off + tok->len;
  if (tok->len <= 2 && i + 1 < tk->n && (m = month_of(low[i + 1])) != 0) {
    d = atoi(s);
    if (d < 1 || d > 31) return;
    cls = m > 0 ? DATE_WORDS : DATE_ABBR;
    m = m > 0 ? m : -m;
    size_t last = i + 1;
    /* "apr." may come as a word and a full stop */
    if (cls == DATE_ABBR && i + 2 < tk->n && tk->t[i + 2].kind == TOK_PUNCT && tk->s[tk->t[i + 2].off] == '.')
      last = i + 2;
    end = tk->t[last].off + tk->t[last].len;
    if (last + 1 < tk->n && tk->t[last + 1].kind == TOK_NUMBER && tk->t[last + 1].len == 4) {
      y = atoi(tk->s + tk->t[last + 1].off);
      end = tk->t[last + 1].off + 4;
    }
  } else if ((cls = numeric_date(s, tok->len, &d, &m, &y)) < 0) {
    return;
  }
  const struct first_use *f = &st->first[CONS_DATE];
  char *sugg = NULL;
  bool words = (f->cls & 7) == DATE_WORDS || (f->cls & 7) == DATE_ABBR;
  if (f->cls >= 0 && f->cls != cls && (words || y)) sugg = date_as(f->cls, d, m, y);
  consistency_use(u, st, CONS_DATE, cls, t, tok->off, end - tok->off, sugg, "consistency.date",
                  "writes dates as");
  g_free(sugg);
}

/* ---- amounts --------------------------------------------------------------------------- */

enum { CUR_SIGN_SPACE, CUR_SIGN, CUR_EUR, CUR_WORD };
/* cents: 12,50 / 12,- / 12 / 12.50 (an English decimal point) */
enum { CENTS_COMMA, CENTS_DASH, CENTS_NONE, CENTS_POINT };
/* thousands: 1.250 / 1250 / 1,250 */
enum { GROUP_DOT, GROUP_NONE, GROUP_COMMA };

struct amount {
  int      currency, cents_style, grouping;
  bool     big;                   /* 1000 or more */
  char     euros[32], cents[3];   /* digits only */
};

/* Reads "€ 1.250,00", "€25,-", "EUR 1250", "€ 1,250.00" (an amount token)
 * or a number followed by "euro". The last separator is the decimal one
 * when one or two digits (or a dash) follow it; the others group
 * thousands and must each be followed by three digits. */
static bool parse_amount(const char *s, size_t len, bool word, struct amount *a)
{
  memset(a, 0, sizeof *a);
  size_t i = 0;
  if (word) {
    a->currency = CUR_WORD;
  } else if (len >= 3 && !strncmp(s, "EUR", 3)) {
    a->currency = CUR_EUR;
    i = 3;
  } else {
    i = 3;                                       /* € is three bytes */
    a->currency = i < len && !g_ascii_isdigit(s[i]) ? CUR_SIGN_SPACE : CUR_SIGN;
  }
  while (i < len && !g_ascii_isdigit(s[i])) i++;
  const char *num = s + i;
  size_t n = len - i;
  /* the decimal part */
  size_t intlen = n;
  a->cents_style = CENTS_NONE;
  if (n >= 2 && num[n - 2] == ',' && num[n - 1] == '-') {
    a->cents_style = CENTS_DASH;
    intlen = n - 2;
  } else {
    size_t p = n;
    while (p > 0 && g_ascii_isdigit(num[p - 1])) p--;
    size_t after = n - p;
    /* one or two digits after the last separator: decimals (12,5 12,50
     * 12.50); three: a thousands separator (1.250 1,250) */
    if (p > 1 && (after == 1 || after == 2) && (num[p - 1] == ',' || num[p - 1] == '.')) {
      a->cents_style = num[p - 1] == ',' ? CENTS_COMMA : CENTS_POINT;
      a->cents[0] = num[p];
      a->cents[1] = after == 2 ? num[p + 1] : '0';
      intlen = p - 1;
    }
  }
  /* the whole euros, with their grouping */
  size_t nd = 0, run = 0;
  char group = 0;
  a->grouping = GROUP_NONE;
  for (size_t j = 0; j < intlen; j++) {
    char c = num[j];
    if (g_ascii_isdigit(c)) {
      if (nd + 1 < sizeof a->euros) a->euros[nd++] = c;
      run++;
      continue;
    }
    if ((c != '.' && c != ',') || (group && c != group) || (run > 3) || !run) return false;
    group = c;
    run = 0;
  }
  if (group && run != 3) return false;
  if (group) a->grouping = group == '.' ? GROUP_DOT : GROUP_COMMA;
  /* a comma group with a comma decimal, or a point group with a point decimal, is not a notation */
  if ((group == ',' && a->cents_style == CENTS_COMMA) || (group == '.' && a->cents_style == CENTS_POINT))
    return false;
  a->euros[nd] = '\0';
  a->big = nd >= 4;
  return nd > 0;
}

/* The amount A written as the letter's first amount F writes amounts. */
static char *amount_as(const struct amount *a, const struct amount *f)
{
  GString *g = g_string_new(NULL);
  if (f->currency == CUR_SIGN_SPACE) g_string_append(g, "€ ");
  if (f->currency == CUR_SIGN) g_string_append(g, "€");
  if (f->currency == CUR_EUR) g_string_append(g, "EUR ");
  size_t n = strlen(a->euros);
  char sep = f->grouping == GROUP_DOT ? '.' : f->grouping == GROUP_COMMA ? ',' : 0;
  if (!f->big && a->big) sep = f->cents_style == CENTS_POINT ? ',' : '.';
  for (size_t i = 0; i < n; i++) {
    if (sep && a->big && i && (n - i) % 3 == 0) g_string_append_c(g, sep);
    g_string_append_c(g, a->euros[i]);
  }
  const char *cents = a->cents[0] ? a->cents : "00";
  if (f->cents_style == CENTS_COMMA) g_string_append_printf(g, ",%s", cents);
  if (f->cents_style == CENTS_POINT) g_string_append_printf(g, ".%s", cents);
  if (f->cents_style == CENTS_DASH) g_string_append(g, a->cents[0] && strcmp(a->cents, "00") ? "," : ",-");
  if (f->cents_style == CENTS_DASH && a->cents[0] && strcmp(a->cents, "00")) g_string_append(g, a->cents);
  if (f->currency == CUR_WORD) g_string_append(g, " euro");
  return g_string_free(g, FALSE);
}

static void check_amount(struct unit *u, const struct text *t, const struct tokens *tk, char **low,
                         struct lint_state *st, size_t i)
{
  const struct token *tok = &tk->t[i];
  bool word = tok->kind == TOK_NUMBER && i + 1 < tk->n &&
              (is_low(low, tk->n, i + 1, "euro") || is_low(low, tk->n, i + 1, "euro's"));
  if (tok->kind != TOK_AMOUNT && !word) return;
  struct amount a;
  if (!parse_amount(tk->s + tok->off, tok->len, word, &a)) return;
  size_t len = word ? tk->t[i + 1].off + tk->t[i + 1].len - tok->off : tok->len;
  /* The letter's norm: the first amount's currency and cents, and the
   * grouping of the first amount of 1000 or more. */
  struct amount f = a;
  const struct first_use *fc = &st->first[CONS_CURRENCY];
  if (fc->cls >= 0) {
    const char *fs = fc->shown;
    size_t fl = strlen(fs);
    bool fw = fc->cls == CUR_WORD;
    if (fw && strchr(fs, ' ')) fl = (size_t)(strchr(fs, ' ') - fs);
    parse_amount(fs, fl, fw, &f);
  }
  const struct first_use *fb = &st->first[CONS_THOUSANDS];
  if (fb->cls >= 0) { f.grouping = fb->cls; f.big = true; }
  char *sugg = amount_as(&a, &f);
  /* One finding per amount, however many parts of its notation differ. */
  static const char how[] = "writes amounts as";
  if (!consistency_use(u, st, CONS_CURRENCY, a.currency, t, tok->off, len, sugg,
                       "consistency.amount", how) &&
      !consistency_use(u, st, CONS_CENTS, a.cents_style, t, tok->off, len, sugg,
                       "consistency.amount", how) &&
      a.big)
    consistency_use(u, st, CONS_THOUSANDS, a.grouping, t, tok->off, len, sugg,
                    "consistency.amount", how);
  g_free(sugg);
}

/* ---- phone numbers ------------------------------------------------------------------ */

/* Separators (spaces, one dash, none, both) and an international prefix. */
static int phone_class(const char *s, size_t len)
{
  bool space = false, dash = false;
  for (size_t i = 0; i < len; i++) {
    space = space || s[i] == ' ';
    dash = dash || s[i] == '-';
  }
  int sep = space && dash ? 3 : dash ? 1 : space ? 0 : 2;
  return sep + (s[0] == '+' ? 4 : 0);
}

/* The digits of S grouped like the first number F, when they have as many. */
static char *phone_as(const char *s, size_t len, const char *f)
{
  GString *digits = g_string_new(NULL);
  for (size_t i = 0; i < len; i++)
    if (g_ascii_isdigit(s[i]) || s[i] == '+') g_string_append_c(digits, s[i]);
  size_t fd = 0;
  for (const char *p = f; *p; p++) fd += g_ascii_isdigit(*p) || *p == '+';
  if (fd != digits->len) { g_string_free(digits, TRUE); return NULL; }
  GString *out = g_string_new(NULL);
  size_t k = 0;
  for (const char *p = f; *p; p++)
    g_string_append_c(out, g_ascii_isdigit(*p) || *p == '+' ? digits->str[k++] : *p);
  g_string_free(digits, TRUE);
  return g_string_free(out, FALSE);
}

void lint_consistency(struct unit *u, const struct text *t, const struct tokens *tk,
                      char **low, struct lint_state *st)
{
  for (size_t i = 0; i < tk->n; i++) {
    const struct token *tok = &tk->t[i];
    const char *s = tk->s + tok->off;
    int cls;
    if (tok->kind == TOK_WORD && (cls = address_class(low[i])) >= 0) {
      const struct first_use *f = &st->first[CONS_ADDRESS];
      const char *sugg = NULL;
      if (f->cls == 0 && cls == 1)
        sugg = !strcmp(low[i], "jouw") ? "uw" : !strcmp(low[i], "jezelf") ? "uzelf" : "u";
      consistency_use(u, st, CONS_ADDRESS, cls, t, tok->off, tok->len, sugg,
                      "consistency.address", "addresses the reader as");
    } else if ((cls = time_class(tk, low, i)) >= 0) {
      const struct first_use *f = &st->first[CONS_TIME];
      char *sugg = f->cls >= 0 && f->cls != cls
                     ? time_as(s, tok->len, f->cls, is_low(low, tk->n, i + 1, "uur")) : NULL;
      size_t len = cls == 0 && is_low(low, tk->n, i + 1, "uur")
                     ? tk->t[i + 1].off + tk->t[i + 1].len - tok->off : tok->len;
      consistency_use(u, st, CONS_TIME, cls, t, tok->off, len, sugg, "consistency.time", "writes times as");
      g_free(sugg);
    } else if (tok->kind == TOK_PHONE) {
      const struct first_use *f = &st->first[CONS_PHONE];
      char *sugg = f->cls >= 0 ? phone_as(s, tok->len, f->shown) : NULL;
      consistency_use(u, st, CONS_PHONE, phone_class(s, tok->len), t, tok->off, tok->len, sugg,
                      "consistency.phone", "writes phone numbers as");
      g_free(sugg);
    } else {
      check_date(u, t, tk, low, st, i);
      check_amount(u, t, tk, low, st, i);
    }
  }
}
