/* lint_letter.c - the letter principles as rules on the letter model.
 *
 * "Key information first", a personal salutation, a named sender, what to
 * do, by when and what happens otherwise: checked on the structure the
 * spec gives (subject, key message, blocks, kind), not by searching the
 * raw file. docs/rules/letter.*.md explains each rule (beeldbrief explain).
 *
 * A rule about something missing points at the value of `kind:` (what
 * the kind calls for) or at the part of the letter it belongs to. */
#include "lint_int.h"
#include "../model/letter.h"
#include <glib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct lcheck {
  struct unit            *u;
  const struct lint_data *d;
  const struct lint_cfg  *c;
  const struct letter    *l;
  GPtrArray              *texts;   /* every text of the letter that a reader reads */
  GPtrArray              *compact; /* the timeline dates among them */
  GPtrArray              *hours;   /* opening hours among them */
  GString                *own;     /* lower-case texts outside standard blocks */
  unsigned                kinds;   /* 1 << enum tok_kind of every token in the texts */
  bool                    time;    /* a clock time outside opening hours */
  GString                *all;     /* their lower-case contents, one per line */
};

static struct diag *report(struct lcheck *k, enum diag_severity sev, const char *rule,
                           const struct text *t, size_t off, size_t len, const char *sugg,
                           const char *fmt, ...) __attribute__((format(printf, 8, 9)));

static struct diag *report(struct lcheck *k, enum diag_severity sev, const char *rule,
                           const struct text *t, size_t off, size_t len, const char *sugg,
                           const char *fmt, ...)
{
  char msg[768];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return diag_text(&k->u->diags, sev, rule, t, off, len, sugg, "%s", msg);
}

/* A finding about the letter as a whole: at the value of `kind:`. */
#define AT_KIND(k) (&(k)->l->kind_text), 0, (k)->l->kind_text.len

static bool has(const struct lcheck *k, const char *phrase)
{
  return strstr(k->all->str, phrase) != NULL;
}

static bool has_any(const struct lcheck *k, const char *const *phrases, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (has(k, phrases[i])) return true;
  return false;
}
#define HAS_ANY(k, list) has_any((k), (list), G_N_ELEMENTS(list))

/* The texts a reader reads about the matter: not the addresses, names and
 * references of the letterhead (a postcode there is not the place of an
 * appointment). */
static void collect(const struct text *t, const char *where, void *ctx)
{
  struct lcheck *k = ctx;
  static const char *const skip[] = { "recipient.", "sender.", "signature.", "date", "reference",
                                      "your-reference", "urgency", "contact.post" };
  for (size_t i = 0; i < G_N_ELEMENTS(skip); i++)
    if (g_str_has_prefix(where, skip[i])) return;
  if (!t->s || !*t->s) return;
  g_ptr_array_add(k->texts, (gpointer)t);
  if (!strcmp(where, "timeline.date")) g_ptr_array_add(k->compact, (gpointer)t);
  if (g_str_has_suffix(where, ".hours")) g_ptr_array_add(k->hours, (gpointer)t);
  char *low = g_utf8_strdown(t->s, (gssize)t->len);
  /* one space for every run of white space, so phrases match across lines */
  for (char *p = low; *p; p++)
    if (*p == '\n' || *p == '\t' || *p == '\r') *p = ' ';
  g_string_append_c(k->all, ' ');
  g_string_append(k->all, low);
  g_string_append_c(k->all, '\n');
  g_free(low);
}

/* ---- dates ----------------------------------------------------------------------------- */

static const char *const weekdays[] = {
  "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
};
static const char *const month_names[] = {
  "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
  "september", "oktober", "november", "december",
};

/* A date in a text: "3 maart 2026", "maandag 3 maart", "03-03-2026". */
struct date_use {
  const struct text *t;
  size_t  off, len;        /* the whole date, weekday included */
  int     weekday;         /* 0-6 as written, -1 none */
  size_t  wd_off, wd_len;
  int     d, m, y;         /* y 0: no year written */
  int     form;            /* 0 words, 1 numeric */
  bool    deadline;        /* after vóór, voor, uiterlijk, tot en met, or in `when:` */
  bool    compact;         /* in a timeline's date: short forms are fine there */
};

static int index_of(const char *w, const char *const *list, int n)
{
  for (int i = 0; i < n; i++)
    if (!strcmp(w, list[i])) return i;
  return -1;
}

/* maandag, maandagochtend, maandagmiddag, maandagavond -> 0 */
static int weekday_word(const char *w)
{
  for (int i = 0; i < 7; i++) {
    size_t n = strlen(weekdays[i]);
    if (!strncmp(w, weekdays[i], n) &&
        (!w[n] || !strcmp(w + n, "ochtend") || !strcmp(w + n, "middag") || !strcmp(w + n, "avond")))
      return i;
  }
  return -1;
}

static void dates_in(const struct text *t, const struct tokens *tkp, bool when_field, GArray *out)
{
  struct tokens tk = *tkp;
  char **low = g_new0(char *, tk.n + 1);
  for (size_t i = 0; i < tk.n; i++) low[i] = token_lower(&tk, i);
  for (size_t i = 0; i < tk.n; i++) {
    struct date_use u = { t, 0, 0, -1, 0, 0, 0, 0, 0, 0, when_field, false };
    const struct token *tok = &tk.t[i];
    if (tok->kind != TOK_NUMBER) continue;
    const char *s = tk.s + tok->off;
    size_t end;
    int m = i + 1 < tk.n ? index_of(low[i + 1], month_names, 12) : -1;
    if (tok->len <= 2 && m >= 0) {
      u.d = atoi(s);
      u.m = m + 1;
      end = tk.t[i + 1].off + tk.t[i + 1].len;
      if (i + 2 < tk.n && tk.t[i + 2].kind == TOK_NUMBER && tk.t[i + 2].len == 4) {
        u.y = atoi(tk.s + tk.t[i + 2].off);
        end = tk.t[i + 2].off + 4;
      }
    } else {
      int a, b, c, n = 0;
      char buf[16];
      if (tok->len >= sizeof buf) continue;
      memcpy(buf, s, tok->len);
      buf[tok->len] = '\0';
      if (sscanf(buf, "%d-%d-%d%n", &a, &b, &c, &n) != 3 || (size_t)n != tok->len || c < 1900) continue;
      u.d = a;
      u.m = b;
      u.y = c;
      u.form = 1;
      end = tok->off + tok->len;
    }
    if (u.d < 1 || u.d > 31 || u.m < 1 || u.m > 12) continue;
    u.off = tok->off;
    if (i > 0 && (u.weekday = weekday_word(low[i - 1])) >= 0) {
      u.off = u.wd_off = tk.t[i - 1].off;
      u.wd_len = tk.t[i - 1].len;
    }
    size_t first = u.weekday >= 0 ? i - 1 : i;
    if (first > 0 && (!strcmp(low[first - 1], "vóór") || !strcmp(low[first - 1], "voor") ||
                      !strcmp(low[first - 1], "uiterlijk")))
      u.deadline = true;
    u.len = end - u.off;
    g_array_append_val(out, u);
  }
  g_strfreev(low);
}

/* 0 = maandag ... 6 = zondag; -1 for an impossible date. */
static int weekday_of(int d, int m, int y)
{
  if (!g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y)) return -1;
  GDate *g = g_date_new_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y);
  int wd = (int)g_date_get_weekday(g) - 1;      /* G_DATE_MONDAY is 1 */
  g_date_free(g);
  return wd;
}

/* letter.weekday: "maandag 3 maart 2026" must be a Monday. Without a year,
 * the letter's year (or the next, for a date before the letter's). */
static void check_weekdays(struct lcheck *k, GArray *dates)
{
  for (guint i = 0; i < dates->len; i++) {
    const struct date_use *u = &g_array_index(dates, struct date_use, i);
    if (u->weekday < 0) continue;
    int y = u->y;
    if (!y && k->l->year) y = k->l->year + ((u->m < k->l->month || (u->m == k->l->month && u->d < k->l->day)) ? 1 : 0);
    if (!y) continue;
    int real = weekday_of(u->d, u->m, y);
    if (real < 0)
      report(k, DIAG_ERROR, "letter.weekday", u->t, u->off, u->len, NULL,
             "%d %s %d does not exist", u->d, month_names[u->m - 1], y);
    else if (real != u->weekday)
      report(k, DIAG_ERROR, "letter.weekday", u->t, u->wd_off, u->wd_len, weekdays[real],
             "%d %s %d is a %s, not a %s", u->d, month_names[u->m - 1], y, weekdays[real],
             weekdays[u->weekday]);
  }
}

/* letter.deadline-date: a deadline or an appointment before the letter's date. */
static void check_deadline_dates(struct lcheck *k, GArray *dates)
{
  const struct letter *l = k->l;
  if (!l->year) return;
  for (guint i = 0; i < dates->len; i++) {
    const struct date_use *u = &g_array_index(dates, struct date_use, i);
    if (!u->deadline || !u->y) continue;
    long when = u->y * 10000L + u->m * 100 + u->d, sent = l->year * 10000L + l->month * 100 + l->day;
    if (when <= sent)
      report(k, DIAG_ERROR, "letter.deadline-date", u->t, u->off, u->len, NULL,
             "this date is not after the letter's date (%d %s %d); a deadline or "
             "appointment must come after it", l->day, month_names[l->month - 1], l->year);
  }
}

/* letter.deadline-notation: one date, one way of writing it. */
static void check_date_notation(struct lcheck *k, GArray *dates)
{
  for (guint i = 0; i < dates->len; i++) {
    const struct date_use *a = &g_array_index(dates, struct date_use, i);
    for (guint j = 0; j < i; j++) {
      const struct date_use *b = &g_array_index(dates, struct date_use, j);
      if (a->compact || b->compact) continue;
      if (a->d != b->d || a->m != b->m || (a->y && b->y && a->y != b->y)) continue;
      bool same = (a->weekday >= 0) == (b->weekday >= 0) && (a->y != 0) == (b->y != 0) &&
                  a->form == b->form;
      if (same) break;
      char *here = g_strndup(a->t->s + a->off, a->len), *first = g_strndup(b->t->s + b->off, b->len);
      struct srcloc at = text_locate(b->t, b->off);
      struct diag *d = report(k, DIAG_WARNING, "letter.deadline-notation", a->t, a->off, a->len,
                              first, "'%s' is written '%s' at line %u; write one date the same "
                              "way everywhere", here, first, at.line);
      char note[256];
      snprintf(note, sizeof note, "'%s' first written here", first);
      diag_note_text(&k->u->diags, d, b->t, b->off, b->len, note);
      g_free(here);
      g_free(first);
      break;
    }
  }
}

/* ---- salutation, subject, key message, sender ------------------------------------- */

/* The surname: the last word of "J.T. Dekker", "mevrouw A. van der Berg". */
static char *surname(const struct text *name)
{
  if (!name->s) return NULL;
  const char *sp = strrchr(name->s, ' ');
  const char *last = sp ? sp + 1 : name->s;
  return *last ? g_utf8_strdown(last, -1) : NULL;
}

static void check_salutation(struct lcheck *k)
{
  const struct letter *l = k->l;
  const struct text *s = &l->recipient.salutation;
  char *sur = surname(&l->recipient.name);
  if (!text_present(s)) {
    const char *name = l->recipient.name.s ? l->recipient.name.s : "";
    const char *last = strrchr(name, ' ');
    report(k, DIAG_WARNING, "letter.salutation", &l->recipient.name, 0, 0, NULL,
           "the letter has no salutation; add one with the recipient's name "
           "(salutation: Beste mevrouw %s)", last ? last + 1 : name);
    g_free(sur);
    return;
  }
  char *low = g_utf8_strdown(s->s, -1);
  static const char *const generic[] = {
    "heer/mevrouw", "heer, mevrouw", "heer of mevrouw", "mevrouw/meneer", "mevrouw, meneer",
    "meneer/mevrouw", "dames en heren", "beste klant", "geachte klant", "beste lezer",
    "geachte relatie", "beste heer/mevrouw",
  };
  bool is_generic = false;
  for (size_t i = 0; i < G_N_ELEMENTS(generic); i++) is_generic = is_generic || strstr(low, generic[i]);
  if (is_generic) {
    report(k, DIAG_WARNING, "letter.salutation", s, 0, 0, NULL,
           "'%s' is not personal; greet the reader by name (Beste mevrouw Dekker)", s->s);
  } else if (g_str_has_prefix(low, "geachte ")) {
    /* Geachte with a first name: "Geachte Jan", "Geachte Anna de Vries" */
    static const char *const titles[] = { "heer", "mevrouw", "meneer", "dr.", "mr.", "ir.", "drs.", "prof." };
    const char *next = low + 8;
    bool title = false;
    for (size_t i = 0; i < G_N_ELEMENTS(titles); i++) title = title || g_str_has_prefix(next, titles[i]);
    if (!title)
      report(k, DIAG_WARNING, "letter.salutation", s, 0, 0, NULL,
             "'%s': 'Geachte' goes with 'heer' or 'mevrouw' and the surname; with a first "
             "name, write 'Beste'", s->s);
  }
  bool named = false;
  char **words = g_strsplit_set(low, " ,.", -1);
  for (char **w = words; *w && sur; w++) named = named || !strcmp(*w, sur);
  g_strfreev(words);
  if (!is_generic && sur && !named && !strchr(sur, '{'))
    report(k, DIAG_WARNING, "letter.salutation", s, 0, 0, NULL,
           "the salutation '%s' does not name the recipient (%s)", s->s, l->recipient.name.s);
  g_free(low);
  g_free(sur);
}

static void check_subject(struct lcheck *k)
{
  const struct text *s = &k->l->subject;
  if (!s->s) return;
  struct tokens tk;
  tokens_build(&tk, s->s, s->len);
  unsigned words = 0;
  for (size_t i = 0; i < tk.n; i++) words += token_is_word(&tk.t[i]);
  tokens_free(&tk);
  /* The subject without punctuation, lower case, single spaces. */
  GString *g = g_string_new(NULL);
  for (const char *p = s->s; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_isalnum(c)) g_string_append_unichar(g, g_unichar_tolower(c));
    else if (g->len && g->str[g->len - 1] != ' ') g_string_append_c(g, ' ');
  }
  while (g->len && g->str[g->len - 1] == ' ') g_string_truncate(g, g->len - 1);
  static const char *const vague[] = {
    "uw aanvraag", "aanvraag", "informatie", "belangrijke informatie", "brief", "uw brief",
    "bericht", "mededeling", "uw situatie", "uw uitkering", "uitkering", "belangrijk",
    "uw gegevens", "wijziging", "wijzigingen", "uw dossier", "besluit", "beslissing", "ons besluit",
    "uw vraag", "herinnering", "uitnodiging", "verzoek", "betreft", "diversen",
  };
  bool is_vague = false;
  for (size_t i = 0; i < G_N_ELEMENTS(vague); i++) is_vague = is_vague || !strcmp(g->str, vague[i]);
  if (is_vague)
    report(k, DIAG_WARNING, "letter.subject", s, 0, 0, NULL,
           "the subject '%s' does not say what the letter is about; name the point "
           "(U krijgt een WW-uitkering, Stuur uw loonstrook voor 1 april)", s->s);
  else if (words > 8)
    report(k, DIAG_WARNING, "letter.subject", s, 0, 0, NULL,
           "the subject has %u words; keep it to 8 or fewer", words);
  g_string_free(g, TRUE);
}

/* Openings that put a formula or background before the point. */
static const char *const formulas[] = {
  "naar aanleiding van", "in verband met", "hierbij", "op grond van", "met deze brief",
  "in antwoord op", "onder verwijzing naar", "wij schrijven u", "u ontvangt deze brief",
  "graag informeren wij u", "wij willen u informeren", "middels deze brief",
};

static void opening(struct lcheck *k, const struct text *t)
{
  if (!t->s) return;
  const char *p = t->s;
  while (*p == ' ' || *p == '\n') p++;
  for (size_t i = 0; i < G_N_ELEMENTS(formulas); i++) {
    size_t n = strlen(formulas[i]);
    if (g_ascii_strncasecmp(p, formulas[i], n) == 0 && !g_ascii_isalpha(p[n])) {
      report(k, DIAG_WARNING, "letter.key-message-first", t, (size_t)(p - t->s), n, NULL,
             "'%.*s' puts a formula before the point; start with what the letter means for "
             "the reader", (int)n, p);
      return;
    }
  }
}

static const struct text *first_block_text(const struct letter *l)
{
  for (size_t i = 0; i < l->nblocks; i++) {
    const struct block *b = &l->blocks[i];
    if (b->type == BLOCK_PARAGRAPH) return &b->as.text;
    if (b->type == BLOCK_HEADING) continue;
    return NULL;
  }
  return NULL;
}

static void check_key_message(struct lcheck *k)
{
  const struct letter *l = k->l;
  opening(k, &l->key_title);
  opening(k, &l->key_text);
  const struct text *first = first_block_text(l);
  if (first) opening(k, first);
  /* letter.first-sentence: the key message's first sentence */
  const struct text *t = text_present(&l->key_text) ? &l->key_text : &l->key_title;
  if (!t->s) return;
  struct tokens tk;
  tokens_build(&tk, t->s, t->len);
  if (tk.nsent > 0 && tk.sent[0].words > 15) {
    const struct sentence *s = &tk.sent[0];
    const struct token *a = &tk.t[s->first], *b = &tk.t[s->end - 1];
    report(k, DIAG_WARNING, "letter.first-sentence", t, a->off, b->off + b->len - a->off, NULL,
           "the first sentence of the key message has %u words; say the point in 15 or fewer",
           s->words);
  }
  tokens_free(&tk);
}

static void check_sender(struct lcheck *k)
{
  const struct text *n = &k->l->sender.name;
  if (!n->s) return;
  char *low = g_utf8_strdown(n->s, -1);
  static const char *const groups[] = {
    "team", "afdeling", "dienst", "bureau", "sector", "cluster", "unit", "directie",
    "klantcontact", "servicecentrum", "klantenservice", "de medewerkers", "medewerkers",
  };
  /* a group word anywhere (WIN Klantcontact), or a role instead of a name
   * (Uw adviseur werk) */
  bool group = g_str_has_prefix(low, "uw ") || g_str_has_prefix(low, "de ");
  char **words = g_strsplit(low, " ", -1);
  for (char **w = words; *w; w++)
    for (size_t i = 0; i < G_N_ELEMENTS(groups); i++) group = group || !strcmp(*w, groups[i]);
  g_strfreev(words);
  /* a first name alone is fine (staff safety); an abbreviation in capitals
   * or the organisation itself is not a person */
  bool caps = true, letters = false;
  for (const char *p = n->s; *p; p = g_utf8_next_char(p)) {
    gunichar ch = g_utf8_get_char(p);
    if (g_unichar_isalpha(ch)) { letters = true; caps = caps && g_unichar_isupper(ch); }
  }
  const struct text *org = &k->l->sender.organisation;
  bool organisation = (org->s && !g_ascii_strcasecmp(org->s, n->s)) ||
                      (k->c->vocab && k->c->vocab->org_name && !g_ascii_strcasecmp(k->c->vocab->org_name, n->s)) ||
                      (k->c->vocab && k->c->vocab->org_short && !g_ascii_strcasecmp(k->c->vocab->org_short, n->s));
  if (group || (letters && caps) || organisation)
    report(k, DIAG_WARNING, "letter.sender", n, 0, 0, NULL,
           "'%s' is not a person; sign with the name of the person the reader can ask "
           "(A. de Boer) and their role", n->s);
  g_free(low);
}

/* letter.personal-phone: a mobile (06) number of the sender. */
static void personal_phone(struct lcheck *k, const struct text *t, const struct tokens *tkp)
{
  if (k->c->personal_phone) return;
  {
    struct tokens tk = *tkp;
    for (size_t j = 0; j < tk.n; j++) {
      const struct token *tok = &tk.t[j];
      const char *s = tk.s + tok->off;
      if (tok->kind == TOK_PHONE && (!strncmp(s, "06", 2) || !strncmp(s, "+316", 4) ||
                                     !strncmp(s, "+31 6", 5) || !strncmp(s, "00316", 5) ||
                                     !strncmp(s, "0031 6", 6)))
        report(k, DIAG_ERROR, "letter.personal-phone", t, tok->off, tok->len, NULL,
               "'%.*s' is a personal mobile number; give the team's number instead (the house "
               "style can allow personal numbers: allow-personal-phone)", (int)tok->len, s);
    }
  }
}

/* ---- contact and help ------------------------------------------------------------------ */

static bool any_token(struct lcheck *k, enum tok_kind kind)
{
  return (k->kinds & (1u << kind)) != 0;
}

static void check_contact(struct lcheck *k)
{
  const struct letter *l = k->l;
  bool website = text_present(&l->sender.website) || any_token(k, TOK_URL);
  bool phone = text_present(&l->sender.phone) || any_token(k, TOK_PHONE);
  bool hours = text_present(&l->sender.hours) || has(k, "bereikbaar") ||
               has(k, "maandag tot en met") || has(k, "werkdagen van");
  for (size_t i = 0; i < l->nblocks; i++) {
    const struct block *b = &l->blocks[i];
    if (b->type != BLOCK_CONTACT) continue;
    website = website || text_present(&b->as.contact.website);
    phone = phone || text_present(&b->as.contact.phone);
    hours = hours || text_present(&b->as.contact.hours);
  }
  if (!website && !(phone && hours))
    report(k, DIAG_WARNING, "letter.contact", AT_KIND(k), NULL,
           "the letter does not say how to reach us; add a contact block with a phone number "
           "and opening hours, or a website");
}

static bool standard_block(const struct letter *l, const char *prefix)
{
  for (size_t i = 0; i < l->nblocks; i++)
    if (l->blocks[i].type == BLOCK_STANDARD && l->blocks[i].as.text.s &&
        g_str_has_prefix(l->blocks[i].as.text.s, prefix))
      return true;
  return false;
}

static void check_help(struct lcheck *k)
{
  if (k->l->kind != KIND_BESCHIKKING && k->l->kind != KIND_HERINNERING) return;
  static const char *const help[] = {
    "hulp bij", "hulp nodig", "geldzorgen", "schulden", "schuldhulp", "juridisch loket",
    "hulp bij het lezen", "wij helpen u", "helpen u graag",
  };
  if (standard_block(k->l, "hulp") || HAS_ANY(k, help)) return;
  report(k, DIAG_WARNING, "letter.help", AT_KIND(k), "- standard: hulp-bij-lezen",
         "a %s can bring worries; say where the reader gets help (for example '- standard: "
         "hulp-bij-lezen' or help with money worries)", letter_kind_names[k->l->kind]);
}

/* ---- what each kind calls for -------------------------------------------------------- */

/* 10.00, 9:45 or a range 9.00-17.00 */
static bool clock_time(const char *s, size_t len)
{
  if (len > 5) {
    const char *dash = memchr(s, '-', len);
    return dash && clock_time(s, (size_t)(dash - s));
  }
  if (len < 4 || (s[len - 3] != '.' && s[len - 3] != ':')) return false;
  for (size_t i = 0; i < len; i++)
    if (i != len - 3 && !g_ascii_isdigit(s[i])) return false;
  return atoi(s) <= 24 && atoi(s + len - 2) < 60;
}

static bool has_time(struct lcheck *k)
{
  return k->time;
}

static bool any_action_field(const struct letter *l, size_t which)
{
  for (size_t i = 0; i < l->nblocks; i++) {
    const struct block *b = &l->blocks[i];
    if (b->type != BLOCK_ACTION) continue;
    for (size_t j = 0; j < b->as.action.n; j++) {
      const struct action_item *it = &b->as.action.items[j];
      if ((which == 0 && text_present(&it->when)) || (which == 1 && text_present(&it->where)) ||
          (which == 2 && it->bring.n > 0))
        return true;
    }
  }
  return false;
}

static void check_appointment(struct lcheck *k, GArray *dates)
{
  const struct letter *l = k->l;
  if (l->kind != KIND_UITNODIGING && l->kind != KIND_AFSPRAAKBEVESTIGING) return;
  const char *kind = letter_kind_names[l->kind];
  if (dates->len == 0 || !has_time(k))
    report(k, DIAG_WARNING, "letter.appointment", AT_KIND(k), NULL,
           "this %s does not say when: give the date and the time (dinsdag 9 december 2026 "
           "om 10.00 uur)", kind);
  static const char *const place[] = {
    "straat", "weg ", "laan", "plein", "kade", "gracht", "singel", "online", "videobellen",
    "beeldbellen", "telefonisch", "bellen wij u", "belt u op", "bij u thuis",
  };
  if (!any_action_field(l, 1) && !any_token(k, TOK_POSTCODE) && !HAS_ANY(k, place))
    report(k, DIAG_WARNING, "letter.appointment", AT_KIND(k), NULL,
           "this %s does not say where: give the address (where: in an action item)", kind);
  static const char *const bring[] = { " mee.", " mee ", " mee,", "meenemen", "meebrengen",
                                       " erbij", "bij de hand", "klaarleggen", "klaar liggen" };
  if (!any_action_field(l, 2) && !HAS_ANY(k, bring))
    report(k, DIAG_WARNING, "letter.appointment", AT_KIND(k), NULL,
           "this %s does not say what to bring (bring: in an action item, or 'Neem ... mee')",
           kind);
  static const char *const change[] = {
    "verzetten", "afzeggen", "andere afspraak", "nieuwe afspraak", "kunt u niet", "kunt u dan niet",
    "niet komen", "afspraak wijzigen", "afspraak veranderen", "verplaatsen",
  };
  if (!HAS_ANY(k, change))
    report(k, DIAG_WARNING, "letter.appointment", AT_KIND(k), NULL,
           "this %s does not say how to change the appointment (Kunt u niet? Bel ons om een "
           "nieuwe afspraak te maken)", kind);
}

static bool has_block(const struct letter *l, enum block_type t)
{
  for (size_t i = 0; i < l->nblocks; i++)
    if (l->blocks[i].type == t) return true;
  return false;
}

static void check_request(struct lcheck *k, GArray *dates)
{
  const struct letter *l = k->l;
  if (l->kind != KIND_VERZOEK && l->kind != KIND_HERINNERING) return;
  const char *kind = letter_kind_names[l->kind];
  if (!has_block(l, BLOCK_ACTION) && !has_block(l, BLOCK_NUMBERED_LIST))
    report(k, DIAG_WARNING, "letter.request", AT_KIND(k), NULL,
           "this %s does not say what to do; add an action block (Wat moet u doen?)", kind);
  /* a date in an action's `when:` or after vóór/uiterlijk; opening hours
   * in a `when:` are not a deadline */
  bool deadline = false;
  for (guint i = 0; i < dates->len && !deadline; i++)
    deadline = g_array_index(dates, struct date_use, i).deadline;
  if (!deadline)
    report(k, DIAG_WARNING, "letter.request", AT_KIND(k), NULL,
           "this %s has no deadline; say by when (when: vóór 1 april 2026)", kind);
  static const char *const otherwise[] = {
    "als u niets", "als u niet", "doet u niets", "doet u dit niet", "reageert u niet",
    "als wij niets", "als wij uw", "als we niets", "gevolg", "dan stopt", "dan stoppen",
    "krijgt u geen", "kunnen wij uw", "hebben wij niet",
  };
  if (!HAS_ANY(k, otherwise))
    report(k, DIAG_WARNING, "letter.request", AT_KIND(k), NULL,
           "this %s does not say what happens if the reader does nothing (Stuurt u niets? "
           "Dan ...)", kind);
}

static void check_decision(struct lcheck *k)
{
  const struct letter *l = k->l;
  if (l->kind != KIND_BESCHIKKING) return;
  static const char *const decided[] = {
    "krijgt", "toegekend", "afgewezen", "stopt", "stoppen", "besloten", "heeft recht",
    "geen recht", "gaat door", "verandert", "wordt hoger", "wordt lager", "betalen", "terugbetalen",
  };
  char *key = g_strconcat(l->key_title.s ? l->key_title.s : "", " ", l->key_text.s ? l->key_text.s : "", NULL);
  char *low = g_utf8_strdown(key, -1);
  bool first = false;
  for (size_t i = 0; i < G_N_ELEMENTS(decided); i++) first = first || strstr(low, decided[i]);
  g_free(low);
  g_free(key);
  if (!first)
    report(k, DIAG_WARNING, "letter.decision", &l->key_title, 0, 0, NULL,
           "the key message does not state the decision; start with it (U krijgt een "
           "WW-uitkering / U krijgt geen ...)");
  static const char *const reasons[] = { "omdat", "want ", "daarom", "de reden", "waarom" };
  bool reasoned = false;                   /* in the letter itself, not the bezwaar text */
  for (size_t i = 0; i < G_N_ELEMENTS(reasons); i++) reasoned = reasoned || strstr(k->own->str, reasons[i]);
  if (!reasoned)
    report(k, DIAG_WARNING, "letter.decision", AT_KIND(k), NULL,
           "the decision has no reasons; say why (Waarom? ... omdat ...)");
  bool framed = has_block(l, BLOCK_TABLE);
  for (size_t i = 0; i < l->nblocks; i++)
    framed = framed || (l->blocks[i].type == BLOCK_CALLOUT && l->blocks[i].as.callout.style == CALLOUT_AMOUNT);
  if (!framed && (any_token(k, TOK_AMOUNT)))
    report(k, DIAG_WARNING, "letter.decision", AT_KIND(k), NULL,
           "the amounts are only in the running text; put them in a frame (a callout with "
           "style: amount, or a table)");
  bool route = standard_block(l, "bezwaar") ||
               (has(k, "bezwaar") && (has(k, "6 weken") || has(k, "zes weken")));
  if (!route)
    report(k, DIAG_WARNING, "letter.decision", AT_KIND(k), "- standard: bezwaar",
           "the letter does not say how to object (bezwaar: within 6 weeks, how and where); "
           "add '- standard: bezwaar'");
}

static void check_change(struct lcheck *k, GArray *dates)
{
  if (k->l->kind != KIND_INFORMATIE) return;
  static const char *const change[] = {
    "verander", "wijzig", "nieuw", "anders", "stopt", "vanaf", "met ingang van", "per ", "eerder",
    "hoger", "lager", "voortaan", "niet meer",
  };
  if (!HAS_ANY(k, change))
    report(k, DIAG_WARNING, "letter.change", AT_KIND(k), NULL,
           "this informatie letter does not say what changes; say it in the key message");
  if (dates->len == 0)
    report(k, DIAG_WARNING, "letter.change", AT_KIND(k), NULL,
           "this informatie letter does not say from when; give the date (vanaf 1 januari 2027)");
}

static void check_timeline(struct lcheck *k)
{
  const struct letter *l = k->l;
  if (l->kind != KIND_KENNISMAKING) return;
  for (size_t i = 0; i < l->nblocks; i++) {
    const struct block *b = &l->blocks[i];
    if (b->type != BLOCK_TIMELINE) continue;
    if (b->as.timeline.current == 0 || b->as.timeline.current >= b->as.timeline.n)
      report(k, DIAG_WARNING, "letter.timeline", &b->key, 0, 0, NULL,
             "the timeline does not show a next step; mark where the reader is (current:) "
             "with at least one step after it");
    return;
  }
  report(k, DIAG_WARNING, "letter.timeline", AT_KIND(k), NULL,
         "a first-contact letter shows what happens next; add a timeline block with the "
         "current and the next step");
}

/* ---- length --------------------------------------------------------------------------- */

static void check_paragraphs(struct lcheck *k, const struct text *t)
{
  if (!t->s) return;
  struct tokens tk;
  tokens_build(&tk, t->s, t->len);
  unsigned words = 0;
  size_t start = 0;
  for (size_t i = 0; i <= tk.n; i++) {
    /* a folded or quoted value keeps one line break per blank line; a
     * literal one keeps them all */
    bool brk = i == tk.n || tk.t[i].newlines >= (t->literal ? 2 : 1);
    if (brk) {
      if (words > k->c->paragraph_words) {
        const struct token *a = &tk.t[start];
        report(k, DIAG_WARNING, "letter.paragraph-length", t, a->off, 0, NULL,
               "this paragraph has %u words; split it (at most %u)", words, k->c->paragraph_words);
      }
      words = 0;
      start = i;
    }
    if (i < tk.n) words += token_is_word(&tk.t[i]);
  }
  tokens_free(&tk);
}

static void check_lengths(struct lcheck *k, const struct metrics *per_block)
{
  const struct letter *l = k->l;
  check_paragraphs(k, &l->key_text);
  for (size_t i = 0; i < l->nblocks; i++) {
    const struct block *b = &l->blocks[i];
    if (b->type == BLOCK_PARAGRAPH) check_paragraphs(k, &b->as.text);
    if (b->type == BLOCK_CALLOUT) check_paragraphs(k, &b->as.callout.text);
    /* a standard block is many blocks, each checked where it is written */
    if (b->type != BLOCK_STANDARD && per_block && per_block[i].words > k->c->block_words)
      report(k, DIAG_WARNING, "letter.block-length", &b->key, 0, 0, NULL,
             "this block has %u words; keep a block to %u (split it, or say less)",
             per_block[i].words, k->c->block_words);
  }
}

static void collect_own(const struct text *t, const char *where, void *ctx)
{
  GString *own = ctx;
  (void)where;
  if (!t->s) return;
  char *low = g_utf8_strdown(t->s, (gssize)t->len);
  g_string_append_printf(own, " %s\n", low);
  g_free(low);
}

static void collect_all(struct lcheck *k)
{
  letter_each_text(k->l, collect, k);
  /* what the letter says itself, without its standard blocks */
  collect_own(&k->l->key_title, "", k->own);
  collect_own(&k->l->key_text, "", k->own);
  for (size_t i = 0; i < k->l->nblocks; i++)
    if (k->l->blocks[i].type != BLOCK_STANDARD) letter_block_each_text(&k->l->blocks[i], collect_own, k->own);
}

/* ---- letter.address ------------------------------------------------------------------- */

/* A Dutch postcode as PostNL prints it: four digits (not starting with 0),
 * a space, two capitals. */
static bool dutch_postcode(const char *s)
{
  if (strlen(s) != 7 || s[0] < '1' || s[0] > '9' || s[4] != ' ') return false;
  for (int i = 1; i < 4; i++)
    if (!g_ascii_isdigit(s[i])) return false;
  return g_ascii_isupper(s[5]) && g_ascii_isupper(s[6]);
}

/* "1234ab", "1234  AB" as 1234 AB, when it is one after all. */
static char *postcode_fixed(const char *s)
{
  char digits[5] = { 0 }, letters[3] = { 0 };
  size_t nd = 0, nl = 0;
  for (const char *p = s; *p; p++) {
    if (g_ascii_isdigit(*p) && nl == 0 && nd < 4) digits[nd++] = *p;
    else if (g_ascii_isalpha(*p) && nd == 4 && nl < 2) letters[nl++] = g_ascii_toupper(*p);
    else if (*p != ' ') return NULL;
  }
  if (nd != 4 || nl != 2) return NULL;
  char *out = g_strdup_printf("%s %s", digits, letters);
  if (!dutch_postcode(out)) { g_free(out); return NULL; }
  return out;
}

static bool abroad(const struct letter *l)
{
  const char *c = l->recipient.country.s;
  return c && *c && g_ascii_strcasecmp(c, "Nederland") && g_ascii_strcasecmp(c, "NL") &&
         g_ascii_strcasecmp(c, "The Netherlands") && g_ascii_strcasecmp(c, "Netherlands");
}

/* The envelope: a letter that cannot be delivered helps nobody, and in a
 * mailing a bad address in the data must stop that one letter. */
static void check_address(struct lcheck *k)
{
  const struct recipient *r = &k->l->recipient;
  size_t lines = 1 + r->address.n + 1 + (text_present(&r->country) && *r->country.s ? 1 : 0);
  if (lines < 3 || lines > 6) {
    const struct text *at = r->address.n ? &r->address.items[0] : &r->name;
    report(k, DIAG_ERROR, "letter.address", at, 0, 0, NULL,
           "the address has %zu lines; an envelope takes 3 to 6 (name, street, postcode and "
           "city, country)", lines);
  }
  bool city = false;
  for (const char *p = text_present(&r->city) ? r->city.s : ""; *p && !city; p++) city = *p != ' ';
  if (text_present(&r->city) && !city)
    report(k, DIAG_ERROR, "letter.address", &r->city, 0, 0, NULL, "the city is empty");
  const char *pc = r->postcode.s;
  if (!pc || abroad(k->l)) return;
  if (!dutch_postcode(pc)) {
    char *fixed = postcode_fixed(pc);
    if (fixed)
      report(k, DIAG_ERROR, "letter.address", &r->postcode, 0, 0, fixed,
             "postcode '%s' is written '%s'", pc, fixed);
    else
      report(k, DIAG_ERROR, "letter.address", &r->postcode, 0, 0, NULL,
             "'%s' is not a Dutch postcode (1234 AB); for an address abroad, give the country",
             pc);
    g_free(fixed);
  } else if (pc[5] == 'S' && (pc[6] == 'A' || pc[6] == 'D' || pc[6] == 'S')) {
    /* Well-formed, but never given out: worth a look, not a reason to
     * hold the letter back. */
    report(k, DIAG_WARNING, "letter.address", &r->postcode, 0, 0, NULL,
           "PostNL does not give out postcodes with SA, SD or SS; check '%s'", pc);
  }
}

void lint_letter_rules(struct unit *u, const struct lint_data *d, const struct lint_cfg *c,
                       const struct letter *l, const struct metrics *per_block)
{
  struct lcheck k = { .u = u, .d = d, .c = c, .l = l, .texts = g_ptr_array_new(),
                      .compact = g_ptr_array_new(), .hours = g_ptr_array_new(),
                      .own = g_string_new(NULL), .all = g_string_new(NULL) };
  collect_all(&k);
  GArray *dates = g_array_new(FALSE, TRUE, sizeof(struct date_use));
  /* One pass of tokens over every text: dates, token kinds, clock times
   * and personal numbers. */
  for (guint i = 0; i <= k.texts->len; i++) {
    const struct text *t = i < k.texts->len ? k.texts->pdata[i] : &l->sender.phone;
    if (!t->s) continue;
    struct tokens tk;
    tokens_build(&tk, t->s, t->len);
    personal_phone(&k, t, &tk);
    if (i == k.texts->len) { tokens_free(&tk); break; }
    bool hours = false;                      /* opening hours are not an appointment's time */
    for (guint j = 0; j < k.hours->len; j++) hours = hours || k.hours->pdata[j] == t;
    for (size_t j = 0; j < tk.n; j++) {
      k.kinds |= 1u << tk.t[j].kind;
      if (!hours && tk.t[j].kind == TOK_NUMBER && clock_time(tk.s + tk.t[j].off, tk.t[j].len)) k.time = true;
    }
    guint from = dates->len;
    dates_in(t, &tk, false, dates);
    tokens_free(&tk);
    bool compact = false;
    for (guint j = 0; j < k.compact->len; j++) compact = compact || k.compact->pdata[j] == t;
    for (guint j = from; j < dates->len; j++) g_array_index(dates, struct date_use, j).compact = compact;
  }
  /* the `when:` of action items holds deadlines and appointments */
  for (size_t i = 0; i < l->nblocks; i++) {
    const struct block *b = &l->blocks[i];
    if (b->type != BLOCK_ACTION) continue;
    for (size_t j = 0; j < b->as.action.n; j++)
      for (guint m = 0; m < dates->len; m++) {
        struct date_use *du = &g_array_index(dates, struct date_use, m);
        if (du->t == &b->as.action.items[j].when) du->deadline = true;
      }
  }
  check_address(&k);
  check_salutation(&k);
  check_subject(&k);
  check_key_message(&k);
  check_sender(&k);
  check_weekdays(&k, dates);
  check_deadline_dates(&k, dates);
  check_date_notation(&k, dates);
  check_contact(&k);
  check_help(&k);
  check_appointment(&k, dates);
  check_request(&k, dates);
  check_decision(&k);
  check_change(&k, dates);
  check_timeline(&k);
  check_lengths(&k, per_block);
  g_array_free(dates, TRUE);
  g_ptr_array_free(k.texts, TRUE);
  g_ptr_array_free(k.compact, TRUE);
  g_ptr_array_free(k.hours, TRUE);
  g_string_free(k.own, TRUE);
  g_string_free(k.all, TRUE);
}
