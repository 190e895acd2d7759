/* lint_words.c - the word lists and the Dutch dictionary.
 *
 * The only file that uses hunspell. Lists are plain text written for this
 * project (wordlist/README.md): every problem in them is reported with
 * file:line, like a spec. hunspell's Dutch stems are weak for verbs
 * ("gewerkt" stays "gewerkt", "indiende" becomes "indien"), so frequency
 * lookups also try our own inflection rules, and officialese is matched on
 * forms generated from the listed word instead of on stems. */
#include "lint_int.h"
#include "../base/xalloc.h"
#include <hunspell/hunspell.h>
#include <stdlib.h>
#include <string.h>

/* ---- loading ------------------------------------------------------------------ */

/* Calls FN for every non-comment line; FN returns false to report. */
typedef bool (*line_fn)(struct lint_data *d, char *line, const char **why, void *ctx);

static int read_list(struct unit *u, struct lint_data *d, const char *path, line_fn fn, void *ctx)
{
  const char *why = NULL;
  struct srcfile *sf = srcfile_load(path, &why);
  if (!sf) {
    diag_file(&u->diags, DIAG_ERROR, "wordlist.read", path, "cannot read the word list: %s", why);
    return -1;
  }
  int errors = 0;
  for (unsigned ln = 1; ln <= sf->nlines; ln++) {
    size_t len;
    const char *p = srcfile_line(sf, ln, &len);
    char *line = g_strndup(p, len);
    g_strstrip(line);
    if (*line && *line != '#' && !fn(d, line, &why, ctx)) {
      size_t off = sf->lines[ln - 1];
      diag_span(&u->diags, DIAG_ERROR, "wordlist.syntax", sf, off, off + len, NULL, "%s", why);
      errors++;
    }
    g_free(line);
  }
  if (errors) unit_adopt_file(u, sf);     /* the findings quote its lines */
  else srcfile_free(sf);
  return errors ? -1 : 0;
}

static bool frequent_line(struct lint_data *d, char *line, const char **why, void *ctx)
{
  GHashTable *seen = ctx;                 /* lines as written */
  if (strpbrk(line, " \t")) { *why = "one word per line"; return false; }
  if (g_hash_table_contains(seen, line)) {
    *why = "this word is already in the list";
    return false;
  }
  g_hash_table_add(seen, g_strdup(line));
  /* "God" and "god" may both be listed; lookups are in lower case. */
  g_hash_table_add(d->frequent, g_utf8_strdown(line, -1));
  return true;
}

static bool difficult_line(struct lint_data *d, char *line, const char **why, void *ctx)
{
  GArray *entries = ctx;
  char **f = g_strsplit(line, " | ", -1);
  guint n = g_strv_length(f);
  if (n < 2 || n > 3 || !*g_strstrip(f[0]) || !*g_strstrip(f[1])) {
    *why = "write 'difficult word | alternative' or 'difficult word | alternative | note'";
    g_strfreev(f);
    return false;
  }
  struct difficult e = { 0 };
  e.phrase = g_utf8_strdown(f[0], -1);
  e.all = g_strdup(f[1]);
  char **alts = g_strsplit(f[1], " / ", 2);
  e.alternative = g_strdup(g_strstrip(alts[0]));
  g_strfreev(alts);
  e.note = n == 3 && *g_strstrip(f[2]) ? g_strdup(f[2]) : NULL;
  if (e.note && !strcmp(e.note, "vervangbaar")) {
    e.safe = true;
    g_free(e.note);
    e.note = NULL;
  }
  e.words = g_strsplit(e.phrase, " ", -1);
  e.nwords = g_strv_length(e.words);
  g_strfreev(f);
  for (guint i = 0; i < entries->len; i++)
    if (!strcmp(g_array_index(entries, struct difficult, i).phrase, e.phrase)) {
      *why = "this word or phrase is already in the list";
      g_free(e.phrase); g_free(e.all); g_free(e.alternative); g_free(e.note); g_strfreev(e.words);
      return false;
    }
  g_array_append_val(entries, e);
  return true;
}

static bool syllable_line(struct lint_data *d, char *line, const char **why, void *ctx)
{
  (void)ctx;
  char **f = g_strsplit_set(line, " \t", -1);
  char *word = NULL, *num = NULL;
  for (char **p = f; *p; p++) {
    if (!**p) continue;
    if (!word) word = *p; else if (!num) num = *p; else { num = NULL; break; }
  }
  char *end = NULL;
  long v = num ? strtol(num, &end, 10) : 0;
  if (!word || !num || *end || v < 1 || v > 20) {
    *why = "write a word and its number of syllables, for example 'website 2'";
    g_strfreev(f);
    return false;
  }
  g_hash_table_insert(d->syllable_fix, g_utf8_strdown(word, -1), GUINT_TO_POINTER((guint)v));
  g_strfreev(f);
  return true;
}

/* ---- inflections ------------------------------------------------------------------ */

static bool is_vowel(char c) { return c && strchr("aeiouy", c); }

/* The infinitive's stem: verstrekken -> verstrek, maken -> maak, geven ->
 * geef, lezen -> lees, retourneren -> retourneer. */
static char *verb_stem(const char *inf)
{
  size_t n = strlen(inf);
  if (n < 4 || strcmp(inf + n - 2, "en") != 0) return NULL;
  GString *s = g_string_new_len(inf, (gssize)n - 2);
  size_t m = s->len;
  if (m >= 2 && s->str[m - 1] == s->str[m - 2] && !is_vowel(s->str[m - 1])) {
    g_string_truncate(s, m - 1);                   /* verstrekk -> verstrek */
  } else if (m >= 2 && !is_vowel(s->str[m - 1]) && is_vowel(s->str[m - 2]) &&
             (m < 3 || !is_vowel(s->str[m - 3]))) {
    if (s->str[m - 1] == 'v') s->str[m - 1] = 'f';
    if (s->str[m - 1] == 'z') s->str[m - 1] = 's';
    /* An open syllable had a long vowel: mak(en) -> maak; not after "e"
     * in the last syllable of longer verbs like "openen". */
    if (!(s->str[m - 2] == 'e' && m > 4 && strstr(inf, "eren") == NULL))
      g_string_insert_c(s, (gssize)m - 2, s->str[m - 2]);
  }
  return g_string_free(s, FALSE);
}

static const char *const separable[] = {
  "aan", "af", "bij", "door", "in", "mee", "na", "om", "onder", "op", "over", "terug", "toe",
  "uit", "vast", "voor", "weg", "samen", "tegen", "vrij", "terecht", "binnen", "buiten",
};
static const char *const unstressed[] = { "be", "ge", "her", "er", "ont", "ver" };

/* Every form of a verb that officialese uses: stem, -t, -te(n)/-de(n), the
 * participle; for other words the plural and inflected forms. */
static void add_verb_forms(GPtrArray *forms, char *stem);

/* Strong and irregular verbs, by their last part: a listed verb that ends
 * in one (verkrijgen, toekennen no, verzoeken yes) gets these forms with
 * its prefix in front. */
static const struct { const char *core, *forms; } strong[] = {
  { "zoeken", "zocht zochten gezocht" }, { "krijgen", "kreeg kregen gekregen" },
  { "doen", "doe doet deed deden gedaan" }, { "nemen", "neem neemt nam namen genomen" },
  { "geven", "geef geeft gaf gaven gegeven" }, { "komen", "kom komt kwam kwamen gekomen" },
  { "gaan", "ga gaat ging gingen gegaan" }, { "staan", "sta staat stond stonden gestaan" },
  { "zien", "zie ziet zag zagen gezien" }, { "brengen", "bracht brachten gebracht" },
  { "denken", "dacht dachten gedacht" }, { "kopen", "kocht kochten gekocht" },
  { "vragen", "vroeg vroegen gevraagd" }, { "houden", "hield hielden gehouden" },
  { "laten", "liet lieten gelaten" }, { "trekken", "trok trokken getrokken" },
  { "schrijven", "schreef schreven geschreven" }, { "wijzen", "wees wezen gewezen" },
  { "blijven", "bleef bleven gebleven" }, { "vallen", "viel vielen gevallen" },
  { "treden", "treed treedt trad traden getreden" }, { "heffen", "hief hieven geheven" },
  { "dragen", "droeg droegen gedragen" }, { "sluiten", "sloot sloten gesloten" },
  { "bieden", "bood boden geboden" }, { "liezen", "loor loren loren" },
  { "winnen", "won wonnen gewonnen" }, { "spreken", "sprak spraken gesproken" },
  { "breken", "brak braken gebroken" }, { "wegen", "woog wogen gewogen" },
  { "sterven", "stierf stierven gestorven" }, { "werpen", "wierp wierpen geworpen" },
  { "zenden", "zond zonden gezonden" }, { "vinden", "vond vonden gevonden" },
  { "binden", "bond bonden gebonden" }, { "lijken", "leek leken geleken" },
  { "kijken", "keek keken gekeken" }, { "grijpen", "greep grepen gegrepen" },
  { "snijden", "sneed sneden gesneden" }, { "leggen", "legde legden gelegd" },
  { "zeggen", "zei zeiden gezegd" }, { "hangen", "hing hingen gehangen" },
  { "vangen", "ving vingen gevangen" }, { "dwingen", "dwong dwongen gedwongen" },
  { "kiezen", "koos kozen gekozen" }, { "zitten", "zat zaten gezeten" },
  { "liggen", "lag lagen gelegen" }, { "lezen", "las lazen gelezen" },
  { "meten", "mat maten gemeten" }, { "roepen", "riep riepen geroepen" },
  { "lopen", "liep liepen gelopen" }, { "slaan", "sloeg sloegen geslagen" },
  { "schieten", "schoot schoten geschoten" }, { "stellen", "stelde stelden gesteld" },
  { "heten", "heette heetten geheten" }, { "wenden", "wendde wendden gewend" },
  { "verlenen", "verleen verleent verleende verleenden verleend" },
};

/* Adjective and noun forms with a spelling change: adequaat -> adequate,
 * structureel -> structurele, collectief -> collectieve. */
static void add_e_forms(GPtrArray *forms, const char *w)
{
  size_t n = strlen(w);
  g_ptr_array_add(forms, g_strconcat(w, "en", NULL));
  g_ptr_array_add(forms, g_strconcat(w, "s", NULL));
  g_ptr_array_add(forms, g_strconcat(w, "e", NULL));
  if (n < 4 || is_vowel(w[n - 1])) return;
  char *b = g_strdup(w);
  if (b[n - 1] == 'f') b[n - 1] = 'v';
  if (b[n - 1] == 's') b[n - 1] = 'z';
  if (is_vowel(b[n - 2]) && b[n - 2] == b[n - 3] && b[n - 2] != 'i')
    memmove(b + n - 3, b + n - 2, 3);                      /* aa -> a */
  g_ptr_array_add(forms, g_strconcat(b, "e", NULL));
  g_ptr_array_add(forms, g_strconcat(b, "en", NULL));
  g_free(b);
}

static bool unstressed_prefix(const char *p)
{
  return !strcmp(p, "be") || !strcmp(p, "ge") || !strcmp(p, "her") || !strcmp(p, "er") ||
         !strcmp(p, "ont") || !strcmp(p, "ver") || g_str_has_suffix(p, "ver") ||
         g_str_has_suffix(p, "be") || g_str_has_suffix(p, "ont");
}

static void add_strong_forms(GPtrArray *forms, const char *w)
{
  for (size_t i = 0; i < G_N_ELEMENTS(strong); i++) {
    if (!g_str_has_suffix(w, strong[i].core)) continue;
    char *prefix = g_strndup(w, strlen(w) - strlen(strong[i].core));
    char **f = g_strsplit(strong[i].forms, " ", -1);
    for (char **p = f; *p; p++) {
      const char *form = *p;
      /* ver- + gekregen = verkregen: an unstressed prefix takes no ge-. */
      if (unstressed_prefix(prefix) && g_str_has_prefix(form, "ge")) form += 2;
      g_ptr_array_add(forms, g_strconcat(prefix, form, NULL));
    }
    g_strfreev(f);
    g_free(prefix);
    return;
  }
}

static GPtrArray *word_forms(const char *w)
{
  GPtrArray *forms = g_ptr_array_new_with_free_func(g_free);
  g_ptr_array_add(forms, g_strdup(w));
  char *stem = verb_stem(w);
  if (stem) {
    /* Whether the stem doubles its vowel (maken -> maak) or not (komen ->
     * kom, tekenen -> teken) cannot be read from the spelling: add the
     * forms of both; a wrong extra form costs nothing. */
    size_t n = strlen(w) - 2;
    char *plain = g_strndup(w, n);
    if (strcmp(plain, stem) != 0) add_verb_forms(forms, g_strdup(plain));
    if (n >= 3 && !is_vowel(plain[n - 1]) && is_vowel(plain[n - 2]) && !is_vowel(plain[n - 3]) &&
        strlen(stem) == n) {
      char *dbl = g_strdup_printf("%.*s%c%s", (int)(n - 1), plain, plain[n - 2], plain + n - 1);
      add_verb_forms(forms, dbl);                            /* verlen -> verleen */
    }
    g_free(plain);
    add_verb_forms(forms, stem);
    add_strong_forms(forms, w);
    return forms;
  }
  add_e_forms(forms, w);
  return forms;
}

/* The forms of a verb with stem STEM (consumed). */
static void add_verb_forms(GPtrArray *forms, char *stem)
{
  size_t n = strlen(stem);
  bool soft = n && strchr("tkfschp", stem[n - 1]) && !(n > 1 && stem[n - 1] == 'h' && stem[n - 2] != 'c');
  /* 't kofschip: past tense in -te after t k f s ch p, else -de. */
  const char *past = soft ? "te" : "de";
  g_ptr_array_add(forms, g_strdup(stem));
  g_ptr_array_add(forms, stem[n - 1] == 't' ? g_strdup(stem) : g_strconcat(stem, "t", NULL));
  g_ptr_array_add(forms, g_strconcat(stem, past, NULL));
  g_ptr_array_add(forms, g_strconcat(stem, past, "n", NULL));
  /* Participle: ge- unless the verb starts with an unstressed prefix;
   * after a separable prefix the ge- goes inside (toekennen -> toegekend). */
  const char *body = stem, *pre = "";
  char *prefix = NULL;
  for (size_t i = 0; i < G_N_ELEMENTS(separable); i++)
    if (g_str_has_prefix(stem, separable[i]) && strlen(stem) > strlen(separable[i]) + 2) {
      prefix = g_strdup(separable[i]);
      body = stem + strlen(separable[i]);
      break;
    }
  if (prefix) pre = prefix;
  bool ge = true;
  for (size_t i = 0; i < G_N_ELEMENTS(unstressed); i++)
    if (g_str_has_prefix(body, unstressed[i])) ge = false;
  size_t bn = strlen(body);
  const char *end = body[bn - 1] == 't' || body[bn - 1] == 'd' ? "" : soft ? "t" : "d";
  g_ptr_array_add(forms, g_strconcat(pre, ge ? "ge" : "", body, end, NULL));
  g_free(prefix);
  g_free(stem);
}

bool lint_word_form(const char *listed, const char *w)
{
  if (!strcmp(listed, w)) return true;
  if (strncmp(listed, w, 2) != 0) return false;       /* cheap first filter */
  GPtrArray *forms = word_forms(listed);
  bool found = false;
  for (guint i = 0; !found && i < forms->len; i++) found = !strcmp(forms->pdata[i], w);
  g_ptr_array_unref(forms);
  return found;
}

/* ---- lookups --------------------------------------------------------------------------- */

const char *lint_lemma(const struct lint_data *d, const char *word)
{
  const char *cached = g_hash_table_lookup(d->stem_cache, word);
  if (cached) return *cached ? cached : word;
  /* Only words the dictionary knows are stemmed: hunspell 1.7.1's stemmer
   * reads past a buffer on some misspelt compounds ("beschikkingrgency",
   * found by fuzz/fuzz_text.c), and a misspelt word has no lemma anyway. */
  char **list = NULL;
  int n = Hunspell_spell(d->hunspell, word) ? Hunspell_stem(d->hunspell, &list, word) : 0;
  char *lemma = g_strdup(n > 0 ? list[0] : "");
  if (n > 0) Hunspell_free_list(d->hunspell, &list, n);
  g_hash_table_insert(d->stem_cache, g_strdup(word), lemma);
  return *lemma ? lemma : word;
}

/* Candidate lemmas of an inflected word by our own rules: plurals, -s,
 * adjective endings, verb endings and participles, each also as an
 * infinitive. */
static bool frequent_by_rules(const struct lint_data *d, const char *w)
{
  size_t n = strlen(w);
  if (n < 3) return false;
  static const char *const suffixes[] = { "eren", "ere", "ste", "en", "te", "de", "er", "e", "s", "t", "d" };
  bool found = false;
  GPtrArray *cands = g_ptr_array_new_with_free_func(g_free);
  for (size_t i = 0; i < G_N_ELEMENTS(suffixes); i++) {
    size_t sl = strlen(suffixes[i]);
    if (n <= sl + 1 || strcmp(w + n - sl, suffixes[i]) != 0) continue;
    /* The stem, and for participles the stem without ge- (also after a
     * separable prefix: opgestuurd -> opstuur). */
    char *stems[3] = { g_strndup(w, n - sl), NULL, NULL };
    if (g_str_has_prefix(stems[0], "ge") && n - sl > 4) stems[1] = g_strdup(stems[0] + 2);
    for (size_t p = 0; p < G_N_ELEMENTS(separable) && !stems[2]; p++) {
      size_t pl = strlen(separable[p]);
      if (g_str_has_prefix(stems[0], separable[p]) && !strncmp(stems[0] + pl, "ge", 2) && n - sl > pl + 4)
        stems[2] = g_strconcat(separable[p], stems[0] + pl + 2, NULL);
    }
    for (int s = 0; s < 3; s++) {
      const char *b = stems[s];
      if (!b) continue;
      size_t m = strlen(b);
      g_ptr_array_add(cands, g_strdup(b));
      g_ptr_array_add(cands, g_strconcat(b, "en", NULL));
      if (m >= 2 && b[m - 1] == b[m - 2]) g_ptr_array_add(cands, g_strndup(b, m - 1));
      if (m >= 3 && !is_vowel(b[m - 1]) && is_vowel(b[m - 2]) && b[m - 2] == b[m - 3]) {
        char *single = g_strdup(b);                          /* maak -> maken */
        memmove(single + m - 3, single + m - 2, 3);
        if (single[m - 2] == 'f') single[m - 2] = 'v';        /* geef -> geven */
        if (single[m - 2] == 's') single[m - 2] = 'z';        /* lees -> lezen */
        g_ptr_array_add(cands, g_strconcat(single, "en", NULL));
        g_free(single);
      }
      if (m >= 2 && !is_vowel(b[m - 1]) && is_vowel(b[m - 2]))
        g_ptr_array_add(cands, g_strdup_printf("%s%cen", b, b[m - 1]));   /* zit -> zitten */
    }
    for (int s = 0; s < 3; s++) g_free(stems[s]);
  }
  for (guint i = 0; !found && i < cands->len; i++)
    found = g_hash_table_contains(d->frequent, cands->pdata[i]);
  g_ptr_array_unref(cands);
  return found;
}

static bool spell_cached(const struct lint_data *d, const char *word, int depth);

/* Prefixes that make compounds without being words of their own. */
static const char *const prefixes[] = {
  "anti", "co", "ex", "inter", "mega", "micro", "mini", "multi", "non", "post", "pre",
  "pro", "pseudo", "semi", "super",
};

/* Prepositions and verb particles make verbs (uitkeren), not new nouns: a
 * word the dictionary lacks that starts with one is more likely a typo
 * (uitkring for uitkering) than a compound. */
static const char *const particles[] = {
  "aan", "achter", "bij", "door", "mee", "na", "om", "onder", "op", "over", "tegen", "terug",
  "toe", "uit", "voor", "weg",
};

static bool head_word(const struct lint_data *d, const char *left)
{
  for (size_t i = 0; i < G_N_ELEMENTS(prefixes); i++)
    if (!strcmp(left, prefixes[i])) return true;
  for (size_t i = 0; i < G_N_ELEMENTS(particles); i++)
    if (!strcmp(left, particles[i])) return false;
  /* Rare three-letter words (kee, kon) would let typos through: only
   * everyday ones (mei, wet) start a compound. */
  long n = g_utf8_strlen(left, -1);
  if (n < 3 || (n == 3 && !lint_is_frequent_exact(d, left))) return false;
  /* legacy|systemen, learning|module: English first parts are common */
  return Hunspell_spell(d->hunspell, left) ||
         (g_utf8_strlen(left, -1) >= 4 && d->hunspell_en && Hunspell_spell(d->hunspell_en, left));
}

/* A left part of a compound: a word, or a word and a linking s
 * (arbeid|s|beperkten), but not a word in s with another s (kennis|s). */
static bool compound_head(const struct lint_data *d, const char *w, size_t k)
{
  char *left = g_strndup(w, k);
  bool ok = head_word(d, left);
  if (!ok && k >= 4 && left[k - 1] == 's' && left[k - 2] != 's') {
    left[k - 1] = '\0';
    ok = head_word(d, left);
  }
  g_free(left);
  return ok;
}

bool lint_compound_part_ok(const struct lint_data *d, const char *w, size_t len)
{
  char *low = g_utf8_strdown(w, (gssize)len);
  bool ok = compound_head(d, low, strlen(low)) || spell_cached(d, low, 0);
  g_free(low);
  return ok;
}

/* Dutch writes compounds as one word and no dictionary lists them all:
 * doenvermogen, achtmaandenverslag. A lower-case word of 7 letters or more
 * is spelled right when it splits into a known word (with a linking s)
 * and a known word or such a compound itself, each part of 4 letters at
 * least, up to three parts. */
static bool compound_ok(const struct lint_data *d, const char *w, int depth)
{
  size_t n = strlen(w);
  if (depth > 2 || g_utf8_strlen(w, -1) < 7 || g_unichar_isupper(g_utf8_get_char(w))) return false;
  for (size_t k = 3; k + 4 <= n; k++) {
    if ((w[k] & 0xC0) == 0x80 || g_utf8_strlen(w + k, -1) < 4) continue;
    if (spell_cached(d, w + k, depth + 1) && compound_head(d, w, k)) return true;
  }
  return false;
}

static bool spell_cached(const struct lint_data *d, const char *word, int depth)
{
  guint cached = GPOINTER_TO_UINT(g_hash_table_lookup(d->spell_cache, word));
  if (cached) return cached == 1;
  bool ok = Hunspell_spell(d->hunspell, word) != 0;
  /* Eén at the start of a sentence: the capital of één. */
  if (!ok && g_str_has_prefix(word, "E\xc3\xa9")) {
    char *low = g_strconcat("\xc3\xa9", word + 1, NULL);
    ok = Hunspell_spell(d->hunspell, low) != 0;
    g_free(low);
  }
  if (!ok) {
    /* A capital at the start of a sentence: Werkzoekendendienstverlening. */
    char *low = g_utf8_strdown(word, -1);
    ok = compound_ok(d, low, depth);
    g_free(low);
  }
  g_hash_table_insert(d->spell_cache, g_strdup(word), GUINT_TO_POINTER(ok ? 1u : 2u));
  return ok;
}

void lint_trim_caches(const struct lint_data *d)
{
  /* Enough for every word of a language many times over; only random
   * text (a fuzzer, a pasted binary) gets near it. */
  enum { MAX_ENTRIES = 200000 };
  GHashTable *caches[] = { d->stem_cache, d->syllable_cache, d->frequent_cache,
                           d->spell_cache, d->plain_cache, d->suggest_cache };
  for (size_t i = 0; i < G_N_ELEMENTS(caches); i++)
    if (caches[i] && g_hash_table_size(caches[i]) > MAX_ENTRIES) g_hash_table_remove_all(caches[i]);
}

bool lint_spell_ok(const struct lint_data *d, const char *word)
{
  return spell_cached(d, word, 0);
}

bool lint_spell_plain(const struct lint_data *d, const char *word)
{
  guint cached = GPOINTER_TO_UINT(g_hash_table_lookup(d->plain_cache, word));
  if (cached) return cached == 1;
  bool ok = Hunspell_spell(d->hunspell, word) != 0;
  g_hash_table_insert(d->plain_cache, g_strdup(word), GUINT_TO_POINTER(ok ? 1u : 2u));
  return ok;
}

bool lint_spell_english(const struct lint_data *d, const char *word)
{
  return d->hunspell_en && Hunspell_spell(d->hunspell_en, word) != 0;
}

/* ---- suggestions -------------------------------------------------------------------- */

/* Most typos are one edit away (aanfraag, onvangen, gesprekk,
 * administartie). Trying those edits against the dictionary takes a few
 * milliseconds; hunspell's own search takes a hundred for a long Dutch
 * word, so it runs only when no word is one edit away. */
static const char *const alphabet[] = {
  "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r",
  "s", "t", "u", "v", "w", "x", "y", "z", "é", "ë", "ï", "ö", "ü", "-",
};

/* Letters Dutch writers confuse by sound: aanfraag, gedooft, verwickeld. */
static bool sound_alike(const char *a, const char *b)
{
  static const char *const pairs[][2] = {
    { "d", "t" }, { "f", "v" }, { "s", "z" }, { "c", "k" }, { "i", "y" }, { "g", "ch" },
    { "e", "é" }, { "e", "ë" }, { "i", "ï" },
  };
  for (size_t i = 0; i < G_N_ELEMENTS(pairs); i++)
    if ((!strcmp(a, pairs[i][0]) && !strcmp(b, pairs[i][1])) ||
        (!strcmp(a, pairs[i][1]) && !strcmp(b, pairs[i][0])))
      return true;
  return false;
}

struct best_edit {
  char *word;
  int   score;
};

static void consider(const struct lint_data *d, struct best_edit *b, GString *cand, int bonus)
{
  if (!Hunspell_spell(d->hunspell, cand->str)) return;
  char *low = g_utf8_strdown(cand->str, -1);
  int score = bonus + (lint_is_frequent(d, low) ? 100 : 0);
  g_free(low);
  if (!b->word || score > b->score) {
    g_free(b->word);
    b->word = g_strdup(cand->str);
    b->score = score;
  }
}

/* The best word one edit (deletion, swap, substitution, insertion) away
 * from W: an everyday word first, then a sound-alike letter or a doubled letter, then a letter left out,
 * added or swapped (the commonest typos), then another letter. NULL when
 * there is none. */
static char *one_edit(const struct lint_data *d, const char *w)
{
  /* character boundaries of W */
  size_t n = 0, bytes = strlen(w);
  size_t *at = g_new(size_t, bytes + 2);
  for (const char *p = w; *p; p = g_utf8_next_char(p)) at[n++] = (size_t)(p - w);
  at[n] = bytes;
  struct best_edit b = { NULL, 0 };
  GString *c = g_string_sized_new(bytes + 8);
  for (size_t i = 0; i < n; i++) {
    size_t a = at[i], e = at[i + 1];
    /* deletion: gesprekk -> gesprek */
    g_string_assign(c, "");
    g_string_append_len(c, w, (gssize)a);
    g_string_append(c, w + e);
    bool doubled = i > 0 && e - a == at[i] - at[i - 1] && !strncmp(w + at[i - 1], w + a, e - a);
    consider(d, &b, c, doubled ? 10 : 5);
    /* swap with the next character: administartie -> administratie */
    if (i + 1 < n) {
      size_t f = at[i + 2];
      g_string_assign(c, "");
      g_string_append_len(c, w, (gssize)a);
      g_string_append_len(c, w + e, (gssize)(f - e));
      g_string_append_len(c, w + a, (gssize)(e - a));
      g_string_append(c, w + f);
      consider(d, &b, c, 5);
    }
    /* substitution: aanfraag -> aanvraag */
    char cur[8] = { 0 };
    memcpy(cur, w + a, e - a < 7 ? e - a : 7);
    for (size_t k = 0; k < G_N_ELEMENTS(alphabet); k++) {
      if (!strcmp(alphabet[k], cur)) continue;
      g_string_assign(c, "");
      g_string_append_len(c, w, (gssize)a);
      g_string_append(c, alphabet[k]);
      g_string_append(c, w + e);
      consider(d, &b, c, sound_alike(cur, alphabet[k]) ? 10 : 0);
    }
  }
  /* insertion: onvangen -> ontvangen, telefoonummer -> telefoonnummer */
  for (size_t i = 0; i <= n; i++)
    for (size_t k = 0; k < G_N_ELEMENTS(alphabet); k++) {
      g_string_assign(c, "");
      g_string_append_len(c, w, (gssize)at[i]);
      g_string_append(c, alphabet[k]);
      g_string_append(c, w + at[i]);
      bool doubles = (i > 0 && !strncmp(w + at[i - 1], alphabet[k], strlen(alphabet[k]))) ||
                     (i < n && !strncmp(w + at[i], alphabet[k], strlen(alphabet[k])));
      consider(d, &b, c, doubles ? 10 : 5);
    }
  g_string_free(c, TRUE);
  g_free(at);
  return b.word;
}

/* hunspell orders its suggestions by its own edit rules ("aanfraag" ->
 * "aandraag" first); a suggestion that is an everyday word is far more
 * likely what the writer meant, so the first frequent one wins. */
static char *hunspell_suggestion(const struct lint_data *d, const char *word)
{
  char **list = NULL;
  int n = Hunspell_suggest(d->hunspell, &list, word);
  char *best = NULL;
  for (int i = 0; i < n && !best; i++) {
    char *low = g_utf8_strdown(list[i], -1);
    if (!strchr(low, ' ') && lint_is_frequent(d, low)) best = g_strdup(list[i]);
    g_free(low);
  }
  if (!best && n > 0) best = g_strdup(list[0]);
  if (n > 0) Hunspell_free_list(d->hunspell, &list, n);
  return best;
}

char *lint_spell_suggest(const struct lint_data *d, const char *word)
{
  /* a misspelling often comes back */
  gpointer hit;
  if (g_hash_table_lookup_extended(d->suggest_cache, word, NULL, &hit)) return g_strdup(hit);
  char *best = one_edit(d, word);
  if (!best) best = hunspell_suggestion(d, word);
  g_hash_table_insert(d->suggest_cache, g_strdup(word), g_strdup(best));
  return best;
}

bool lint_is_frequent_exact(const struct lint_data *d, const char *w)
{
  return g_hash_table_contains(d->frequent, w);
}

bool lint_is_frequent(const struct lint_data *d, const char *w)
{
  if (g_hash_table_contains(d->frequent, w)) return true;
  /* Texts repeat their words: remember each answer. (Not thread-safe;
   * a batch gives each worker its own lint_data.) */
  guint cached = GPOINTER_TO_UINT(g_hash_table_lookup(d->frequent_cache, w));
  if (cached) return cached == 1;
  const char *lemma = lint_lemma(d, w);
  bool yes = (lemma != w && g_hash_table_contains(d->frequent, lemma)) || frequent_by_rules(d, w);
  g_hash_table_insert(d->frequent_cache, g_strdup(w), GUINT_TO_POINTER(yes ? 1u : 2u));
  return yes;
}

/* ---- the whole set ---------------------------------------------------------------------- */

static void index_difficult(struct lint_data *d, GArray *entries)
{
  d->ndifficult = entries->len;
  d->difficult = (struct difficult *)g_array_free(entries, FALSE);
  d->difficult_first = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)g_ptr_array_unref);
  for (size_t i = 0; i < d->ndifficult; i++) {
    struct difficult *e = &d->difficult[i];
    /* Index every form of the first word, so "verstrekte" finds
     * "verstrekken" and "dient" finds "dienen te". */
    GPtrArray *forms = word_forms(e->words[0]);
    for (guint f = 0; f < forms->len; f++) {
      const char *form = forms->pdata[f];
      GPtrArray *list = g_hash_table_lookup(d->difficult_first, form);
      if (!list) {
        list = g_ptr_array_new();
        g_hash_table_insert(d->difficult_first, g_strdup(form), list);
      }
      if (!list->len || list->pdata[list->len - 1] != e) g_ptr_array_add(list, e);
    }
    g_ptr_array_unref(forms);
  }
}

struct lint_data *lint_data_load(struct unit *u, const char *datadir)
{
  struct lint_data *d = xcalloc(1, sizeof *d);
  d->frequent = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  d->syllable_fix = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  d->stem_cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  d->syllable_cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  d->frequent_cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  d->spell_cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  d->plain_cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  d->suggest_cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  GArray *entries = g_array_new(FALSE, TRUE, sizeof(struct difficult));
  char *freq = g_build_filename(datadir, "wordlist", "frequent-nl.txt", NULL);
  char *diff = g_build_filename(datadir, "wordlist", "moeilijke-woorden.txt", NULL);
  char *syl = g_build_filename(datadir, "wordlist", "lettergrepen.txt", NULL);
  d->hunspell = Hunspell_create("/usr/share/hunspell/nl.aff", "/usr/share/hunspell/nl.dic");
  GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  int rc = read_list(u, d, freq, frequent_line, seen);
  g_hash_table_destroy(seen);
  rc |= read_list(u, d, diff, difficult_line, entries);
  rc |= read_list(u, d, syl, syllable_line, NULL);
  g_free(freq);
  g_free(diff);
  g_free(syl);
  index_difficult(d, entries);
  d->hyph = syllables_load(datadir);
  /* English words in a Dutch text are loanwords or quotes, not spelling
   * mistakes; the English dictionary is optional. */
  if (g_file_test("/usr/share/hunspell/en_US.dic", G_FILE_TEST_IS_REGULAR))
    d->hunspell_en = Hunspell_create("/usr/share/hunspell/en_US.aff", "/usr/share/hunspell/en_US.dic");
  if (!d->hyph || !d->hunspell) {
    diag_file(&u->diags, DIAG_ERROR, "wordlist.read", "/usr/share",
              "cannot load the Dutch %s; install %s", d->hyph ? "dictionary" : "hyphenation patterns",
              d->hyph ? "hunspell-nl" : "hyphen-nl");
    rc = -1;
  }
  if (rc != 0) {
    lint_data_free(d);
    return NULL;
  }
  return d;
}

void lint_data_free(struct lint_data *d)
{
  if (!d) return;
  if (d->frequent) g_hash_table_destroy(d->frequent);
  if (d->syllable_fix) g_hash_table_destroy(d->syllable_fix);
  if (d->stem_cache) g_hash_table_destroy(d->stem_cache);
  if (d->syllable_cache) g_hash_table_destroy(d->syllable_cache);
  if (d->frequent_cache) g_hash_table_destroy(d->frequent_cache);
  if (d->spell_cache) g_hash_table_destroy(d->spell_cache);
  if (d->plain_cache) g_hash_table_destroy(d->plain_cache);
  if (d->suggest_cache) g_hash_table_destroy(d->suggest_cache);
  if (d->difficult_first) g_hash_table_destroy(d->difficult_first);
  for (size_t i = 0; i < d->ndifficult; i++) {
    struct difficult *e = &d->difficult[i];
    g_free(e->phrase); g_free(e->all); g_free(e->alternative); g_free(e->note);
    g_strfreev(e->words);
  }
  g_free(d->difficult);
  if (d->hunspell) Hunspell_destroy(d->hunspell);
  if (d->hunspell_en) Hunspell_destroy(d->hunspell_en);
  syllables_free(d->hyph);
  free(d);
}
