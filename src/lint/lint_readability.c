/* lint_readability.c - B1 readability: metrics and findings per sentence.
 *
 * Rules (docs/readability.md explains each, its source and its limits):
 *   readability.sentence-length  more than 15 words (warning), 25 (error)
 *   readability.clauses          three or more clauses in one sentence
 *   readability.passive          worden-passive; zijn + participle of an action
 *   readability.nominalisation   "het indienen van", "de beoordeling door"
 *   readability.difficult-word   officialese from wordlist/moeilijke-woorden.txt
 *   readability.long-word        more than 4 syllables or 20 letters, not frequent
 *   readability.abbreviation     an abbreviation not explained before
 *   readability.double-negation  "niet onmogelijk", "nooit geen"
 *   readability.vague-time       "binnenkort", "zo spoedig mogelijk"
 * Without a parser these are patterns over tokens, tuned to the language of
 * letters: they name the words, and the editor judges. */
#include "lint_int.h"
#include "../base/util.h"
#include <math.h>
#include <stdarg.h>
#include <string.h>

struct lint_state *lint_state_new(void)
{
  struct lint_state *s = g_new0(struct lint_state, 1);
  s->explained = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  s->ignore = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  s->terms_seen = g_hash_table_new(g_direct_hash, g_direct_equal);
  s->reported = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  s->concepts = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
  for (size_t i = 0; i < CONS_COUNT; i++) s->first[i].cls = -1;
  return s;
}

void lint_state_free(struct lint_state *s)
{
  if (!s) return;
  g_hash_table_destroy(s->explained);
  g_hash_table_destroy(s->ignore);
  g_hash_table_destroy(s->terms_seen);
  g_hash_table_destroy(s->reported);
  GHashTableIter it;
  gpointer v;
  g_hash_table_iter_init(&it, s->concepts);
  while (g_hash_table_iter_next(&it, NULL, &v)) first_use_clear(v);
  g_hash_table_destroy(s->concepts);
  for (size_t i = 0; i < CONS_COUNT; i++) first_use_clear(&s->first[i]);
  g_free(s);
}

void lint_state_ignore(struct lint_state *s, const char *word, size_t len)
{
  g_hash_table_add(s->ignore, g_utf8_strdown(word, (gssize)len));
}

/* Everything one check needs. */
struct check {
  struct unit              *u;
  const struct lint_data   *d;
  const struct lint_cfg    *c;
  const struct text        *t;
  struct tokens            *tk;
  struct lint_state        *st;
  char                    **low;   /* lower-cased tokens */
};

static struct diag *report(struct check *k, enum diag_severity sev, const char *rule, size_t from,
                           size_t to, const char *suggestion, const char *fmt, ...)
  __attribute__((format(printf, 7, 8)));

/* A finding over tokens [from, to); valid until the next finding. */
static struct diag *report(struct check *k, enum diag_severity sev, const char *rule, size_t from,
                           size_t to, const char *suggestion, const char *fmt, ...)
{
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  const struct token *a = &k->tk->t[from], *b = &k->tk->t[to - 1];
  return diag_text(&k->u->diags, sev, rule, k->t, a->off, b->off + b->len - a->off, suggestion,
                   "%s", msg);
}

static bool low_is(struct check *k, size_t i, const char *w)
{
  return i < k->tk->n && !strcmp(k->low[i], w);
}

static bool in_list(const char *w, const char *const *list, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (!strcmp(w, list[i])) return true;
  return false;
}
#define IN(w, list) in_list((w), (list), G_N_ELEMENTS(list))

/* The text of tokens [from, to) as written. */
static char *span_text(struct check *k, size_t from, size_t to)
{
  const struct token *a = &k->tk->t[from], *b = &k->tk->t[to - 1];
  return g_strndup(k->tk->s + a->off, b->off + b->len - a->off);
}

/* ---- sentence length and clauses ------------------------------------------------ */

static void sentence_length(struct check *k, const struct sentence *s)
{
  if (s->words <= k->c->sentence_warn) return;
  bool error = s->words > k->c->sentence_error;
  report(k, error ? DIAG_ERROR : DIAG_WARNING, "readability.sentence-length", s->first, s->end,
         NULL, "sentence of %u words; at B1 keep sentences to %u words or fewer: split it",
         s->words, k->c->sentence_warn);
}

static const char *const subordinators[] = {
  "omdat", "doordat", "zodat", "terwijl", "nadat", "voordat", "hoewel", "indien", "wanneer",
  "waardoor", "waarin", "waarmee", "waarop", "waarvoor", "waarbij", "waarna", "waarover",
  "zodra", "totdat", "tenzij", "mits", "aangezien", "ofschoon", "opdat", "alvorens",
  "waaruit", "waarvan", "waaraan", "zoals",
};
static const char *const clause_after_comma[] = {
  "die", "dat", "wat", "welke", "en", "maar", "want", "of", "dus", "als", "toen", "wie",
};
static const char *const subject_words[] = {
  "u", "wij", "we", "zij", "ze", "hij", "het", "de", "een", "er", "ik", "jij", "je", "uw",
  "deze", "dit", "uw", "onze", "ons",
};

static void clauses(struct check *k, const struct sentence *s)
{
  unsigned n = 1;
  for (size_t i = s->first; i < s->end; i++) {
    const char *w = k->low[i];
    bool after_comma = i > s->first && k->tk->t[i - 1].kind == TOK_PUNCT &&
                       k->tk->s[k->tk->t[i - 1].off] == ',';
    bool first = i == s->first;
    if (IN(w, subordinators)) n++;
    else if (after_comma && IN(w, clause_after_comma)) n++;
    /* wie/welk(e)/hoeveel/waar open a clause (not as a question's first word);
     * "of u ..." is "whether"; "te" + infinitive is a clause of its own. */
    else if (!strcmp(w, "wie")) n++;
    else if (!first && (!strcmp(w, "welk") || !strcmp(w, "welke") || !strcmp(w, "hoeveel") ||
                        !strcmp(w, "waar")))
      n++;
    else if ((!strcmp(w, "of") || !strcmp(w, "als")) && !first && i + 1 < s->end &&
             IN(k->low[i + 1], subject_words))
      n++;
    else if (!strcmp(w, "te") && i + 1 < s->end && g_str_has_suffix(k->low[i + 1], "en") &&
             strlen(k->low[i + 1]) > 4)
      n++;
    /* "..., dat u ..." counted above; "vinden dat u" is a clause too. */
    else if (!strcmp(w, "dat") && i + 1 < s->end && IN(k->low[i + 1], subject_words) &&
             i > s->first && !after_comma)
      n++;
  }
  if (n < k->c->clauses_warn) return;
  report(k, DIAG_WARNING, "readability.clauses", s->first, s->end, NULL,
         "sentence with %u clauses; give each thought its own sentence", n);
}

/* ---- passive ---------------------------------------------------------------------- */

static const char *const worden_forms[] = { "word", "wordt", "worden", "werd", "werden", "geworden" };
static const char *const zijn_forms[] = { "ben", "bent", "is", "zijn", "was", "waren", "geweest" };
static const char *const separable[] = {
  "aan", "af", "bij", "door", "in", "mee", "na", "om", "onder", "op", "over", "terug", "toe",
  "uit", "vast", "voor", "weg", "samen", "tegen", "vrij", "binnen", "buiten", "thuis", "kwijt",
  "goed", "fout", "vol", "stil", "schoon", "tegemoet", "plaats", "dicht", "open", "mis",
  "neer", "rond", "teleur", "tewerk", "voort", "achter", "bekend", "stop", "los", "lam",
  "bloot", "kapot", "schoon", "stuk", "tegenover", "uiteen", "vooruit", "weer",
};
/* Participles that form the active perfect with zijn ("is overleden"). */
static const char *const zijn_perfect[] = {
  "overleden", "verhuisd", "gestopt", "begonnen", "gebeurd", "gekomen", "gegaan", "geworden",
  "gebleven", "vertrokken", "teruggekomen", "ontstaan", "verdwenen", "gestorven", "gevallen",
  "gegroeid", "veranderd", "geslaagd", "gelukt", "mislukt", "opgehouden", "verlopen",
  "afgelopen", "geëindigd", "gebleken", "geweest", "aangekomen", "thuisgekomen", "gezakt",
  "gestegen", "gedaald", "ingegaan", "vervallen", "geworden", "opgestaan", "weggegaan",
  "binnengekomen", "overgestapt", "toegenomen", "afgenomen", "achteruitgegaan", "meegegaan",
  "uitgevallen", "ingetreden", "uitgetreden", "getreden", "gereisd", "gevlogen", "gevlucht",
  "gekeerd", "teruggekeerd", "gezwommen", "ontsnapt", "verschenen", "geboren", "verongelukt",
  "bevallen", "hersteld", "genezen", "opgegroeid", "gestart", "ingeschreven", "uitgeschreven",
  "aangemeld", "afgemeld", "ingestroomd", "uitgestroomd", "doorgegaan", "misgegaan",
};
/* Participles used as adjectives after zijn ("het kantoor is gesloten"). */
static const char *const adjectival[] = {
  "gesloten", "geopend", "verplicht", "bekend", "gewend", "verzekerd", "geïnteresseerd",
  "verbaasd", "bezorgd", "getrouwd", "gescheiden", "gehandicapt", "bedoeld", "bereid",
  "gerechtigd", "verschuldigd", "benodigd", "gevestigd", "gelegen", "geschikt", "betrokken",
  "verantwoordelijk", "opgelucht", "teleurgesteld", "geschrokken", "verliefd", "vermoeid",
  "gespannen", "ontevreden", "gemotiveerd", "gedetineerd", "verhinderd", "afwezig", "open",
  "gewijd", "verwant", "verbonden", "verslaafd", "gezegend", "gelijk", "verloofd", "verdeeld",
  "gericht", "bedreigd", "overtuigd", "verrast", "verplicht", "ingeschreven", "aangewezen",
  "bevoegd", "gedekt", "verzekerd", "gebonden", "gemachtigd", "gewaarschuwd", "ziek",
};
static const char *const unstressed[] = { "be", "ge", "her", "er", "ont", "ver" };
static const char *const not_participles[] = {
  "bericht", "berichten", "verder", "verlangd", "geld", "gezond", "gezondheid", "gedicht",
  "verhaal", "bedrijf", "gesprek", "verschil", "gebied", "gewicht", "beleid", "bestand",
  "verband", "geduld", "gezin", "gebruik", "gevolg", "geval", "gedrag", "verstand", "verleden",
  "verkeerd", "verkeerde", "herfst", "erg", "geen", "gehad", "eten", "even", "gegevens",
  "betekent", "behandelt", "verwacht", "gelden", "geven", "gaan", "beter", "bedrag", "verslag",
};

/* A be-/ver-/ont- word that is a participle, not a noun: "betaald" is
 * betal(en) + d, "besluit" is no form of a verb *besluien; "bedragen" is
 * the plural of the noun "bedrag". */
static bool prefixed_participle(const struct lint_data *d, const char *w)
{
  size_t n = strlen(w);
  if (g_str_has_suffix(w, "en")) {
    char *noun = g_strndup(w, n - 2);
    bool plural = lint_is_frequent_exact(d, noun);
    g_free(noun);
    return !plural;
  }
  char *stem = g_strndup(w, n - 1);                  /* betaal, verstuur */
  size_t m = n - 1;
  char *inf = g_strconcat(stem, "en", NULL);
  bool yes = lint_is_frequent_exact(d, inf);
  if (!yes && m >= 3 && stem[m - 2] == stem[m - 3] && strchr("aeou", stem[m - 2])) {
    char *single = g_strdup(stem);                     /* betaal -> betal */
    memmove(single + m - 3, single + m - 2, 3);
    char *inf2 = g_strconcat(single, "en", NULL);
    yes = lint_is_frequent_exact(d, inf2);
    g_free(inf2);
    g_free(single);
  }
  g_free(inf);
  g_free(stem);
  return yes;
}

/* STRICT (after zijn, where nouns are common: "zijn bruto bedragen")
 * checks that a be-/ver-/ont- word is a form of a known verb; after worden
 * the form alone is enough ("wordt verrekend"). */
static bool is_participle(const struct lint_data *d, const char *w, bool strict)
{
  size_t n = strlen(w);
  if (n < 5 || IN(w, not_participles)) return false;
  const char *body = w;
  for (size_t i = 0; i < G_N_ELEMENTS(separable); i++)
    if (g_str_has_prefix(w, separable[i]) && n > strlen(separable[i]) + 4) {
      body = w + strlen(separable[i]);
      break;
    }
  size_t bn = strlen(body);
  char last = body[bn - 1];
  bool ends = last == 'd' || last == 't' || (bn > 2 && body[bn - 1] == 'n' && body[bn - 2] == 'e') ||
              g_str_has_suffix(body, "aan") || g_str_has_suffix(body, "ien");
  if (!ends) return false;
  /* 't kofschip: a weak participle ends in -t only after t, k, f, s, ch,
   * p or x, or when the stem itself ends in t (gezet, gepraat). Otherwise
   * a ge- word in -t is a verb of the present: "wat er nu gebeurt". */
  if (last == 't' && bn > 2 && !strchr("aeiouytkfshpx", body[bn - 2])) return false;
  if (g_str_has_prefix(body, "ge") && bn >= 5) return true;
  /* After worden, any part + ge + stem + d/t is a participle of a
   * compound verb we do not list: "wordt stopgezet", "is vastgelegd". */
  if (!strict && (last == 'd' || last == 't') && n >= 8) {
    const char *ge = strstr(w + 2, "ge");
    if (ge && ge - w <= 8 && strlen(ge) >= 5) return true;
  }
  for (size_t i = 0; i < G_N_ELEMENTS(unstressed); i++)
    if (g_str_has_prefix(body, unstressed[i]) && bn >= strlen(unstressed[i]) + 3)
      return !strict || prefixed_participle(d, w);
  return false;
}

static void passive(struct check *k, const struct sentence *s)
{
  for (size_t i = s->first; i < s->end; i++) {
    bool worden = IN(k->low[i], worden_forms), zijn = IN(k->low[i], zijn_forms);
    if (!worden && !zijn) continue;
    /* "u wordt 67", "het wordt koud": worden as a main verb has no
     * participle near it. Look up to 8 words ahead, and just before it
     * ("dat uw aanvraag is afgewezen" has it before in a subclause). */
    size_t found = 0;
    for (size_t j = i + 1; j < s->end && j <= i + 12; j++) {
      if (k->tk->t[j].kind == TOK_PUNCT && strchr(",;:", k->tk->s[k->tk->t[j].off])) break;
      if (is_participle(k->d, k->low[j], zijn)) { found = j; break; }
    }
    if (!found && i > s->first && is_participle(k->d, k->low[i - 1], zijn)) found = i - 1;
    if (!found) continue;
    const char *p = k->low[found];
    if (zijn && (IN(p, zijn_perfect) || IN(p, adjectival))) continue;
    if (worden && !strcmp(p, "geworden")) continue;
    size_t a = found < i ? found : i, b = found < i ? i : found;
    char *span = span_text(k, a, b + 1);
    report(k, DIAG_WARNING, "readability.passive", a, b + 1, NULL,
           "passive voice '%s'; say who does it (\"wij betalen ...\", \"u krijgt ...\")", span);
    g_free(span);
    return;                                 /* one finding per sentence */
  }
}

/* Phrases split into words once, on first use. */
static char **phrase_words(const char *phrase, GHashTable **cache)
{
  if (!*cache) *cache = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_strfreev);
  char **w = g_hash_table_lookup(*cache, phrase);
  if (!w) {
    w = g_strsplit(phrase, " ", -1);
    g_hash_table_insert(*cache, (gpointer)phrase, w);
  }
  return w;
}

/* Number of words of PHRASE that match from token I on (all or nothing). */
static size_t match_phrase(struct check *k, const struct sentence *s, size_t i, const char *phrase)
{
  /* Most tokens start no phrase: reject on the first word before the
   * split phrase is looked up. */
  size_t n = strlen(k->low[i]);
  if (strncmp(k->low[i], phrase, n) != 0 || (phrase[n] != ' ' && phrase[n] != '\0')) return 0;
  static GHashTable *cache;
  char **words = phrase_words(phrase, &cache);
  if (strcmp(k->low[i], words[0]) != 0) return 0;
  size_t j = 1;
  while (words[j] && i + j < s->end && !strcmp(k->low[i + j], words[j])) j++;
  return words[j] ? 0 : j;
}

/* ---- nominalisations --------------------------------------------------------------- */

static const struct { const char *phrase, *verb; } nominal_phrases[] = {
  { "na ontvangst van", "als wij ... hebben gekregen" },
  { "ter verkrijging van", "om ... te krijgen" },
  { "in behandeling nemen", "behandelen" },
  { "in behandeling genomen", "behandeld" },
  { "in behandeling", "behandelen" },
  { "tot uitbetaling", "betalen" },
  { "tot terugbetaling", "terugbetalen" },
  { "tot invordering", "innen" },
  { "in overweging nemen", "overwegen" },
  { "ter beschikking stellen", "geven" },
  { "in kennis stellen", "laten weten" },
  { "tot uitbetaling overgaan", "betalen" },
  { "in rekening brengen", "rekenen" },
  { "een beslissing nemen", "beslissen" },
  { "een besluit nemen", "besluiten" },
  { "een aanvraag doen", "aanvragen" },
  { "in aanmerking nemen", "rekening houden met" },
  { "ter ondertekening", "om te ondertekenen" },
  { "ter controle", "om te controleren" },
  { "ter verificatie", "om te controleren" },
  { "ter inzage", "om te bekijken" },
  { "de verzending van", "sturen" },
  { "bij de beoordeling van", "als wij ... beoordelen" },
};

/* beoordeling -> beoordelen, toekenning -> toekennen, registratie ->
 * registreren. NULL when there is no clear verb. */
static char *verb_of(const char *noun)
{
  size_t n = strlen(noun);
  if (g_str_has_suffix(noun, "ing") && n > 6) return g_strdup_printf("%.*sen", (int)(n - 3), noun);
  if (g_str_has_suffix(noun, "atie") && n > 7) return g_strdup_printf("%.*seren", (int)(n - 4), noun);
  return NULL;
}

/* Nouns in -ing/-atie that are things, not actions: fine before "van". */
static const char *const thing_nouns[] = {
  "uitkering", "woning", "opleiding", "rekening", "regeling", "vergadering", "verzekering",
  "ervaring", "mening", "afdeling", "omgeving", "richting", "kleding", "oefening", "tekening",
  "leerling", "vereniging", "stichting", "instelling", "organisatie", "informatie", "situatie",
  "locatie", "generatie", "relatie", "stoornis", "lening", "toelage", "vakantie", "politie",
  "functie", "positie", "traditie", "redactie", "advertentie", "producent", "ziekteverzekering",
  "zorgverzekering", "huurtoeslag", "opening", "woonverzekering", "bijeenkomst", "training",
  "meting", "verpleging", "begeleiding", "bedrijfsvereniging", "verwarming", "zending",
};

static bool nominalisation(struct check *k, const struct sentence *s, size_t i, size_t *end)
{
  /* Fixed phrases. */
  for (size_t p = 0; p < G_N_ELEMENTS(nominal_phrases); p++) {
    size_t nw = match_phrase(k, s, i, nominal_phrases[p].phrase);
    if (nw) {
      char *span = span_text(k, i, i + nw);
      report(k, DIAG_WARNING, "readability.nominalisation", i, i + nw, nominal_phrases[p].verb,
             "'%s' hides the action in a noun; use the verb: '%s'", span, nominal_phrases[p].verb);
      g_free(span);
      *end = i + nw;
      return true;
    }
  }
  /* het + infinitive + van: "het indienen van", also with a few words
   * between: "het niet tijdig doorgeven van". */
  for (size_t gap = 0; low_is(k, i, "het") && gap <= 3 && i + gap + 2 < s->end; gap++) {
    const char *v = k->low[i + gap + 1];
    if (!low_is(k, i + gap + 2, "van")) continue;
    if (strlen(v) > 5 && g_str_has_suffix(v, "en") && !IN(v, thing_nouns)) {
      size_t e = i + gap + 3;
      char *span = span_text(k, i, e);
      report(k, DIAG_WARNING, "readability.nominalisation", i, e, v,
             "'%s' hides the action in a noun; use the verb '%s' (\"u kunt ... %s\")", span, v, v);
      g_free(span);
      *end = e;
      return true;
    }
    break;
  }
  /* noun in -ing/-atie + van/door: "de beoordeling door", "toekenning van". */
  const char *w = k->low[i];
  if (i + 1 < s->end && (low_is(k, i + 1, "van") || low_is(k, i + 1, "door")) &&
      (g_str_has_suffix(w, "ing") || g_str_has_suffix(w, "atie")) && !IN(w, thing_nouns)) {
    char *verb = verb_of(w);
    char *span = span_text(k, i, i + 2);
    if (verb)
      report(k, DIAG_WARNING, "readability.nominalisation", i, i + 2, verb,
             "'%s' hides the action in a noun; use the verb '%s'", span, verb);
    else
      report(k, DIAG_WARNING, "readability.nominalisation", i, i + 2, NULL,
             "'%s' hides the action in a noun; use a verb", span);
    g_free(span);
    g_free(verb);
    *end = i + 2;
    return true;
  }
  return false;
}

/* ---- difficult words, vague time, long words ----------------------------------------- */

/* The longest list entry that starts at token I; its length in *len. */
static const struct difficult *difficult_at(struct check *k, const struct sentence *s, size_t i,
                                            size_t *len)
{
  GPtrArray *cands = g_hash_table_lookup(k->d->difficult_first, k->low[i]);
  const struct difficult *best = NULL;
  *len = 0;
  for (guint c = 0; cands && c < cands->len; c++) {
    const struct difficult *e = cands->pdata[c];
    /* "dienen te", "verzoeken te": the verb, with its "te" later on. */
    if (e->nwords == 2 && !strcmp(e->words[1], "te")) {
      for (size_t t = i + 1; t < s->end && t <= i + 8; t++)
        if (low_is(k, t, "te")) {
          if (!best) { best = e; *len = 1; }
          break;
        }
      continue;
    }
    /* Other words of a phrase may be inflected too: "komt in aanmerking". */
    size_t j = 1, t = i + 1;
    while (j < e->nwords && t < s->end && lint_word_form(e->words[j], k->low[t])) {
      j++;
      t++;
    }
    if (j == e->nwords && t - i > *len) { best = e; *len = t - i; }
  }
  return best;
}

static const char *const vague[] = {
  "binnenkort", "zo spoedig mogelijk", "z.s.m.", "zsm", "op korte termijn", "te zijner tijd",
  "t.z.t.", "binnen afzienbare tijd", "spoedig", "zo snel mogelijk", "in de nabije toekomst",
  "op termijn", "zo vlug mogelijk", "per omgaande", "op een later moment", "binnen een redelijke termijn",
  "binnen redelijke termijn", "zo spoedig als mogelijk", "in de loop van de tijd", "op zeker moment",
  "binnen enige tijd", "na verloop van tijd", "zo gauw mogelijk", "op afzienbare termijn",
};

static bool vague_time(struct check *k, const struct sentence *s, size_t i, size_t *end)
{
  for (size_t v = 0; v < G_N_ELEMENTS(vague); v++) {
    size_t nw = match_phrase(k, s, i, vague[v]);
    if (!nw) continue;
    char *span = span_text(k, i, i + nw);
    report(k, DIAG_WARNING, "readability.vague-time", i, i + nw, "voor [datum]",
           "'%s' does not say when; give a date (\"voor 1 april 2026\")", span);
    g_free(span);
    *end = i + nw;
    return true;
  }
  return false;
}

/* True when token I starts or lies inside an occurrence of a multi-word
 * term with a fixed spelling in the word list. */
static bool fixed_term_around(struct check *k, size_t i)
{
  const struct vocab *v = k->c->vocab;
  for (size_t t = 0; v && t < v->nterms; t++) {
    if (!v->terms[t].fixed || !strchr(v->terms[t].term, ' ')) continue;
    char *low = g_utf8_strdown(v->terms[t].term, -1);
    char **words = g_strsplit(low, " ", -1);
    size_t n = g_strv_length(words);
    bool hit = false;
    for (size_t start = i + 1 > n ? i + 1 - n : 0; start <= i && !hit; start++) {
      size_t j = 0;
      while (j < n && start + j < k->tk->n && !strcmp(k->low[start + j], words[j])) j++;
      hit = j == n;
    }
    g_strfreev(words);
    g_free(low);
    if (hit) return true;
  }
  return false;
}

static void difficult_word(struct check *k, const struct sentence *s, size_t i, size_t *end)
{
  size_t len;
  const struct difficult *e = difficult_at(k, s, i, &len);
  if (!e) return;
  /* Part of a name the word list fixes ("het formulier Wijziging inkomen"):
   * a name is not rewritten. */
  if (fixed_term_around(k, i)) {
    *end = i + len;
    return;
  }
  char *span = span_text(k, i, i + len);
  struct diag *d;
  if (e->note)
    d = report(k, DIAG_WARNING, "readability.difficult-word", i, i + len, e->alternative,
               "'%s' is hard to read; write '%s' (%s)", span, e->all, e->note);
  else
    d = report(k, DIAG_WARNING, "readability.difficult-word", i, i + len, e->alternative,
               "'%s' is hard to read; write '%s'", span, e->all);
  /* The safe fix: the phrase exactly as listed, in the case it starts with. */
  char *low = g_utf8_strdown(span, -1);
  if (e->safe && !strcmp(low, e->phrase)) {
    const struct token *a = &k->tk->t[i], *b = &k->tk->t[i + len - 1];
    char *fix = g_unichar_isupper(g_utf8_get_char(span)) ? lint_capitalised(e->alternative)
                                                         : g_strdup(e->alternative);
    diag_fix_text(&k->u->diags, d, k->t, a->off, b->off + b->len - a->off, fix);
    g_free(fix);
  }
  g_free(low);
  g_free(span);
  *end = i + len;
}

static void long_word(struct check *k, size_t i)
{
  const struct token *t = &k->tk->t[i];
  if (t->kind != TOK_WORD || t->allcaps) return;
  unsigned syl = lint_syllables(k->d, k->tk->s + t->off, t->len);
  glong letters = g_utf8_strlen(k->tk->s + t->off, t->len);
  if (syl <= k->c->long_word_syllables && letters <= (glong)k->c->long_word_letters) return;
  /* A term of the organisation's word list that comes with an explanation
   * (arbeidsdeskundige): the letter must use it and explain it, which
   * vocabulary.explain checks; calling it too long cannot be acted on. */
  if (k->c->vocab) {
    char *w = g_strndup(k->tk->s + t->off, t->len);
    size_t n = strlen(w);
    bool term = vocab_explains(k->c->vocab, w) || vocab_explains(k->c->vocab, k->low[i]);
    static const char *const plural[] = { "n", "en", "s" };
    for (size_t e = 0; e < G_N_ELEMENTS(plural) && !term; e++) {
      size_t pl = strlen(plural[e]);
      if (n > pl + 3 && !strcmp(k->low[i] + strlen(k->low[i]) - pl, plural[e])) {
        char *stem = g_strndup(k->low[i], strlen(k->low[i]) - pl);
        term = vocab_explains(k->c->vocab, stem);
        g_free(stem);
      }
    }
    g_free(w);
    if (term) return;
  }
  /* A frequent word of one syllable over the limit passes (organisatie);
   * longer compounds are hard even when the reader knows them. */
  if (syl == k->c->long_word_syllables + 1 && letters <= (glong)k->c->long_word_letters &&
      lint_is_frequent(k->d, k->low[i]))
    return;
  report(k, DIAG_WARNING, "readability.long-word", i, i + 1, NULL,
         "long word '%.*s' (%u syllables); use a shorter word or explain it", (int)t->len,
         k->tk->s + t->off, syl);
}

/* ---- abbreviations and double negation ----------------------------------------------- */

static const struct { const char *abbr, *full; } expansions[] = {
  { "bijv.", "bijvoorbeeld" }, { "i.v.m.", "omdat / door" }, { "z.s.m.", "voor [datum]" },
  { "t.a.v.", "voor" }, { "o.a.", "onder andere" }, { "d.w.z.", "dat wil zeggen" },
  { "m.b.t.", "over" }, { "etc.", "enzovoort" }, { "enz.", "enzovoort" },
  { "evt.", "eventueel" }, { "incl.", "met" }, { "excl.", "zonder" }, { "ca.", "ongeveer" },
  { "max.", "hoogstens" }, { "min.", "minstens" }, { "blz.", "bladzijde" }, { "tel.", "telefoon" },
  { "o.b.v.", "op basis van" }, { "i.p.v.", "in plaats van" }, { "m.i.v.", "vanaf" },
  { "n.a.v.", "na / door" }, { "t.z.t.", "later / op [datum]" }, { "e.d.", "en dergelijke" },
  { "c.q.", "of" }, { "a.s.", "aanstaande / [datum]" }, { "d.d.", "van [datum]" },
  { "t.b.v.", "voor" }, { "v.w.b.", "wat betreft" }, { "o.v.v.", "met vermelding van" },
  { "vgl.", "vergelijk" }, { "zgn.", "zogenoemde" }, { "resp.", "en" }, { "jl.", "[datum]" },
};
static const char *const known_abbr[] = {
  "dhr.", "mevr.", "mr.", "dr.", "nr.", "OK", "TV", "PC", "NL", "EU", "ID", "DigiD", "BV", "NV",
  "KvK", "IBAN", "PDF", "SMS", "WhatsApp",
};

/* Abbreviations from Dutch public services often written in lower case. */
static const char *const lower_abbr[] = {
  "wmo", "pgb", "zzp", "zzp'er", "bsn", "aow", "wia", "wao", "wajong", "wsnp", "bkr", "cak",
  "svb", "duo", "cjib", "ggd", "uwv", "btw", "ozb", "wlz", "zvw", "iow", "ioaw", "ioaz", "tw",
  "ww", "anw", "cao", "arbo", "awb", "wsw", "bbz", "ivm", "zsm", "tav", "mbt", "ovv",
};

static void abbreviation(struct check *k, size_t i)
{
  const struct token *t = &k->tk->t[i];
  char *word = NULL;
  if (t->kind == TOK_ABBREV) {
    word = g_strndup(k->tk->s + t->off, t->len);
  } else if (t->kind == TOK_WORD) {
    /* WW, UWV, BSN; and the WW of WW-uitkering. */
    const char *p = k->tk->s + t->off, *dash = memchr(p, '-', t->len);
    size_t n = dash ? (size_t)(dash - p) : t->len;
    bool caps = n >= 2 && n <= 6;
    for (size_t j = 0; caps && j < n; j++) caps = g_ascii_isupper(p[j]) || (j && g_ascii_isdigit(p[j]));
    if (caps) word = g_strndup(p, n);
  }
  /* Abbreviations written in lower or mixed case: Wmo, pgb, zzp. */
  if (!word && t->kind == TOK_WORD) {
    char *low = g_ascii_strdown(k->tk->s + t->off, t->len);
    if (IN(low, lower_abbr)) word = g_strndup(k->tk->s + t->off, t->len);
    g_free(low);
  }
  if (!word) return;
  /* Codes (WI-2026-550871) and IBANs are data, not abbreviations. */
  for (size_t j = 0; j < t->len; j++)
    if (g_ascii_isdigit(k->tk->s[t->off + j])) { g_free(word); return; }
  /* "LET OP": capitals for emphasis, not an abbreviation. */
  bool shouting = (i > 0 && k->tk->t[i - 1].allcaps) || (i + 1 < k->tk->n && k->tk->t[i + 1].allcaps);
  if (shouting && t->kind == TOK_WORD) { g_free(word); return; }
  if (IN(word, known_abbr) || g_hash_table_contains(k->st->explained, word)) { g_free(word); return; }
  /* The organisation's own short name: the letterhead gives it in full on
   * every letter, and readers know their benefits office by it (UWV). */
  if (k->c->vocab && k->c->vocab->org_short && !strcmp(word, k->c->vocab->org_short)) {
    g_free(word);
    return;
  }
  /* The word list's explanation makes a better finding (vocabulary.explain). */
  if (k->c->vocab && vocab_explains(k->c->vocab, word)) { g_free(word); return; }
  if (k->c->vocab && t->kind == TOK_WORD) {
    char *whole = g_strndup(k->tk->s + t->off, t->len);
    bool listed = vocab_explains(k->c->vocab, whole);
    g_free(whole);
    if (listed) { g_free(word); return; }
  }
  /* Explained here: "de Werkloosheidswet (WW)" or "WW (Werkloosheidswet)". */
  bool in_parens = i > 0 && k->tk->t[i - 1].kind == TOK_PUNCT && k->tk->s[k->tk->t[i - 1].off] == '(' &&
                   i >= 2 && k->tk->t[i - 2].kind == TOK_WORD;
  bool before_parens = i + 1 < k->tk->n && k->tk->t[i + 1].kind == TOK_PUNCT &&
                       k->tk->s[k->tk->t[i + 1].off] == '(';
  g_hash_table_add(k->st->explained, g_strdup(word));     /* report once per letter */
  if (in_parens || before_parens) { g_free(word); return; }
  const char *full = NULL;
  for (size_t e = 0; e < G_N_ELEMENTS(expansions); e++)
    if (!g_ascii_strcasecmp(word, expansions[e].abbr)) full = expansions[e].full;
  size_t n = strlen(word);
  const struct token *tt = &k->tk->t[i];
  diag_text(&k->u->diags, DIAG_WARNING, "readability.abbreviation", k->t, tt->off, n, full,
            full ? "abbreviation '%s'; write it out: '%s'"
                 : "abbreviation '%s' is not explained; write it out the first time, "
                   "with the abbreviation in brackets", word, full);
  g_free(word);
}

static const char *const negations[] = { "niet", "geen", "nooit", "niemand", "niets", "nergens" };

static void double_negation(struct check *k, const struct sentence *s, size_t i)
{
  if (!IN(k->low[i], negations)) return;
  for (size_t j = i + 1; j < s->end && j <= i + 3; j++) {
    const char *w = k->low[j];
    bool neg = IN(w, negations) || !strcmp(w, "zonder");
    /* on- + an adjective: onmogelijk, ondenkbaar, ontevreden; not onder-,
     * ons, onze, ontvangen (whose rest is no word). */
    if (!neg && g_str_has_prefix(w, "on") && strlen(w) > 5 && !g_str_has_prefix(w, "onder") &&
        !g_str_has_prefix(w, "ons") && !g_str_has_prefix(w, "onze") &&
        strcmp(w, "ongeveer") != 0 && strcmp(w, "onmiddellijk") != 0) {
      const char *rest = w + 2;
      neg = lint_is_frequent(k->d, rest) || g_str_has_suffix(rest, "baar") ||
            g_str_has_suffix(rest, "lijk") || g_str_has_suffix(rest, "zaam");
    }
    /* Verbs that deny: "niet uitsluiten dat", "niet ontkennen". */
    if (!neg && (g_str_has_prefix(w, "uitsluit") || g_str_has_prefix(w, "uitgesloten") ||
                 g_str_has_prefix(w, "ontken") || g_str_has_prefix(w, "weiger")))
      neg = true;
    if (!neg) continue;
    char *span = span_text(k, i, j + 1);
    report(k, DIAG_WARNING, "readability.double-negation", i, j + 1, NULL,
           "double negation '%s'; say it positively (\"niet onmogelijk\" -> \"mogelijk\")", span);
    g_free(span);
    return;
  }
}

/* ---- driving ----------------------------------------------------------------------------- */

static void check_sentence(struct check *k, const struct sentence *s)
{
  sentence_length(k, s);
  clauses(k, s);
  passive(k, s);
  size_t skip_to = s->first;
  for (size_t i = s->first; i < s->end; i++) {
    abbreviation(k, i);
    double_negation(k, s, i);
    if (!(k->tk->t[i].cap && i > s->first)) long_word(k, i);   /* not names */
    if (i < skip_to) continue;
    size_t end = i;
    if (nominalisation(k, s, i, &end) || vague_time(k, s, i, &end)) { skip_to = end; continue; }
    difficult_word(k, s, i, &end);
    if (end > i) skip_to = end;
  }
}

static void count(struct check *k, struct metrics *m)
{
  for (size_t si = 0; si < k->tk->nsent; si++) {
    const struct sentence *s = &k->tk->sent[si];
    m->sentences++;
    m->words += s->words;
    if (s->words > k->c->sentence_warn) m->long_sentences++;
    for (size_t i = s->first; i < s->end; i++) {
      const struct token *t = &k->tk->t[i];
      if (!token_is_word(t)) continue;
      if (t->kind != TOK_WORD) { m->syllables++; continue; }
      m->syllables += lint_syllables(k->d, k->tk->s + t->off, t->len);
      m->letters += (unsigned)g_utf8_strlen(k->tk->s + t->off, t->len);
      /* Names (capitals inside a sentence) say nothing about difficulty. */
      if (t->cap && i > s->first) { m->frequent_words++; continue; }
      if (lint_is_frequent(k->d, k->low[i])) m->frequent_words++;
    }
  }
}

void lint_text(struct unit *u, const struct lint_data *d, const struct lint_cfg *c,
               const struct text *t, struct lint_state *st, struct metrics *m)
{
  if (!t->s || !*t->s) return;
  lint_trim_caches(d);
  struct tokens tk;
  tokens_build(&tk, t->s, t->len);
  char **low = g_new0(char *, tk.n + 1);
  for (size_t i = 0; i < tk.n; i++) low[i] = token_lower(&tk, i);
  struct lint_state *own = st ? NULL : lint_state_new();
  struct check k = { u, d, c, t, &tk, st ? st : own, low };
  for (size_t i = 0; i < tk.nsent; i++) check_sentence(&k, &tk.sent[i]);
  /* A mailing needs only what can be an error (see lint_cfg.errors_only). */
  if (!c->errors_only || lint_cfg_can_error(c, "spelling.")) lint_spelling(u, d, c, t, &tk, k.st);
  if (!c->errors_only || lint_cfg_can_error(c, "consistency."))
    lint_consistency(u, t, &tk, low, k.st);
  if (c->vocab && (!c->errors_only || lint_cfg_can_error(c, "vocabulary.") ||
                   lint_cfg_can_error(c, "consistency.")))
    lint_vocabulary(u, d, c, t, &tk, low, k.st);
  if (m) {
    struct metrics one = { 0 };
    count(&k, &one);
    metrics_add(m, &one);
  }
  lint_state_free(own);
  g_strfreev(low);
  tokens_free(&tk);
}

void lint_notations(struct unit *u, const struct text *t, struct lint_state *st)
{
  if (!t->s || !*t->s) return;
  struct tokens tk;
  tokens_build(&tk, t->s, t->len);
  char **low = g_new0(char *, tk.n + 1);
  for (size_t i = 0; i < tk.n; i++) low[i] = token_lower(&tk, i);
  lint_consistency(u, t, &tk, low, st);
  g_strfreev(low);
  tokens_free(&tk);
}

/* ---- metrics ------------------------------------------------------------------------------ */

void metrics_finish(struct metrics *m)
{
  double s = m->sentences ? m->sentences : 1, w = m->words ? m->words : 1;
  m->words_per_sentence = m->words / s;
  m->syllables_per_word = m->syllables / w;
  m->long_sentence_share = m->long_sentences / s;
  m->frequent_share = m->frequent_words / w;
  m->flesch_douma = 206.84 - 0.77 * (100.0 * m->syllables / w) - 0.93 * m->words_per_sentence;
  m->brouwer = 195 - 2 * m->words_per_sentence - 66.7 * m->syllables_per_word;
  /* Level: documented in docs/readability.md. */
  if (m->flesch_douma >= 80 && m->words_per_sentence <= 10 && m->frequent_share >= 0.90)
    m->level = "A2";
  else if (m->flesch_douma >= 65 && m->words_per_sentence <= 15 && m->frequent_share >= 0.80)
    m->level = "B1";
  else if (m->flesch_douma >= 50 && m->words_per_sentence <= 20)
    m->level = "B2";
  else
    m->level = "C1";
}

void metrics_add(struct metrics *a, const struct metrics *b)
{
  a->sentences += b->sentences;
  a->words += b->words;
  a->syllables += b->syllables;
  a->long_sentences += b->long_sentences;
  a->frequent_words += b->frequent_words;
  a->letters += b->letters;
  metrics_finish(a);
}

void metrics_write_json(FILE *out, const struct metrics *m)
{
  fprintf(out,
          "{\"sentences\": %u, \"words\": %u, \"words_per_sentence\": %.2f, "
          "\"long_sentences\": %u, \"long_sentence_share\": %.3f, \"syllables\": %u, "
          "\"syllables_per_word\": %.3f, \"flesch_douma\": %.1f, \"brouwer\": %.1f, "
          "\"frequent_share\": %.3f, \"level\": \"%s\"}",
          m->sentences, m->words, m->words_per_sentence, m->long_sentences,
          m->long_sentence_share, m->syllables, m->syllables_per_word, m->flesch_douma,
          m->brouwer, m->frequent_share, m->level ? m->level : "C1");
}

void lint_dump_tokens(const struct lint_data *d, const struct text *t, FILE *out)
{
  static const char *const kinds[] = {
    "word", "number", "amount", "phone", "postcode", "url", "email", "variable",
    "abbreviation", "initials", "bullet", "punct",
  };
  struct tokens tk;
  tokens_build(&tk, t->s, t->len);
  for (size_t si = 0; si < tk.nsent; si++) {
    const struct sentence *s = &tk.sent[si];
    fprintf(out, "sentence %zu: %u words\n", si + 1, s->words);
    for (size_t i = s->first; i < s->end; i++) {
      const struct token *tok = &tk.t[i];
      struct srcloc at = text_locate(t, tok->off);
      unsigned syl = tok->kind == TOK_WORD ? lint_syllables(d, tk.s + tok->off, tok->len)
                                           : token_is_word(tok) ? 1 : 0;
      fprintf(out, "%u:%u\t%s\t%u\t%.*s\n", at.line, at.col, kinds[tok->kind], syl,
              (int)tok->len, tk.s + tok->off);
    }
  }
  tokens_free(&tk);
}
