/* lint_vocab.c - the organisation's word list applied to a letter.
 *
 * Rules (docs/vocabulary.md explains each):
 *   vocabulary.avoid          a variant the organisation does not use
 *   vocabulary.spelling       a term with fixed spelling and capitals (DigiD)
 *   vocabulary.explain        a term to explain, not explained at first use
 *   consistency.synonym       two words for one concept in one letter
 *   consistency.organisation  the organisation's name written another way
 *
 * Matching knows Dutch inflection (uitkering, uitkeringen; aanvragen,
 * aangevraagd: hunspell's stem plus our own rules, lint_word_form) and
 * compounds: hyphenated ones part by part (WW-uitkering) and closed ones
 * (uitkeringsbedrag) when the rest of the word is itself a word, so that
 * a listed word inside an unrelated longer word is not taken for it. */
#include "lint_int.h"
#include <string.h>

enum vm_kind { VM_TERM, VM_ADMITTED, VM_AVOID, VM_ORG, VM_ORG_VARIANT };

struct vmatch {
  enum vm_kind kind;
  size_t       term, avoid;    /* indices into the list */
  int          word;           /* the concept's word: 0 the term, 1+ admitted */
  char       **words;          /* lower-case tokens of the listed phrase */
  size_t       nwords;
  const char  *listed;         /* as written in the list */
};

struct vindex {
  GHashTable *first;           /* lower-case first word -> GPtrArray of vmatch */
  GPtrArray  *all;             /* owns the vmatches */
  GHashTable *known;           /* lower-case words the list spells */
  GHashTable *explains;        /* words with an explanation, as written */
  GPtrArray  *avoid_words;     /* stems of the one-word variants to avoid: a
                                  cheap filter before compound splitting */
};

static void vmatch_free(void *p)
{
  struct vmatch *m = p;
  g_strfreev(m->words);
  g_free(m);
}

static void vindex_free(void *p)
{
  struct vindex *x = p;
  g_hash_table_destroy(x->first);
  g_ptr_array_unref(x->all);
  g_hash_table_destroy(x->known);
  g_hash_table_destroy(x->explains);
  g_ptr_array_unref(x->avoid_words);
  g_free(x);
}

/* Splits a listed phrase the way texts are split, so that "Werk &
 * Inkomen" and "WW-uitkering" line up with the tokens of a letter. */
static void add_entry(struct vindex *x, enum vm_kind kind, size_t term, size_t avoid, int word,
                      const char *listed)
{
  struct tokens tk;
  tokens_build(&tk, listed, strlen(listed));
  if (tk.n == 0) { tokens_free(&tk); return; }
  struct vmatch *m = g_new0(struct vmatch, 1);
  *m = (struct vmatch){ kind, term, avoid, word, g_new0(char *, tk.n + 1), tk.n, listed };
  for (size_t i = 0; i < tk.n; i++) {
    m->words[i] = token_lower(&tk, i);
    if (tk.t[i].kind == TOK_WORD) g_hash_table_add(x->known, g_strdup(m->words[i]));
  }
  tokens_free(&tk);
  g_ptr_array_add(x->all, m);
  GPtrArray *list = g_hash_table_lookup(x->first, m->words[0]);
  if (!list) {
    list = g_ptr_array_new();
    g_hash_table_insert(x->first, g_strdup(m->words[0]), list);
  }
  g_ptr_array_add(list, m);
}

void lint_vocab_prepare(struct vocab *v)
{
  if (!v || v->index) return;
  struct vindex *x = g_new0(struct vindex, 1);
  x->first = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify)g_ptr_array_unref);
  x->all = g_ptr_array_new_with_free_func(vmatch_free);
  x->known = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  x->explains = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  x->avoid_words = g_ptr_array_new_with_free_func(g_free);
  for (size_t i = 0; i < v->nterms; i++) {
    const struct vocab_term *t = &v->terms[i];
    add_entry(x, VM_TERM, i, 0, 0, t->term);
    if (t->explain) g_hash_table_add(x->explains, g_strdup(t->term));
    for (size_t j = 0; j < t->nadmitted; j++) add_entry(x, VM_ADMITTED, i, 0, (int)j + 1, t->admitted[j]);
    for (size_t j = 0; j < t->navoid; j++) add_entry(x, VM_AVOID, i, j, 0, t->avoid[j].word);
  }
  if (v->org_name) {
    add_entry(x, VM_ORG, 0, 0, 0, v->org_name);
    /* "Werk & Inkomen" also written "Werk en Inkomen": a variant, listed or not. */
    if (strstr(v->org_name, " & ")) {
      char **parts = g_strsplit(v->org_name, " & ", -1);
      char *alt = g_strjoinv(" en ", parts);
      g_strfreev(parts);
      bool listed = false;
      for (size_t j = 0; j < v->norg_variants; j++) listed = listed || !g_ascii_strcasecmp(alt, v->org_variants[j]);
      if (!listed) vocab_add_org_variant(v, alt);
      g_free(alt);
    }
  }
  for (size_t j = 0; j < v->norg_variants; j++) add_entry(x, VM_ORG_VARIANT, 0, j, 0, v->org_variants[j]);
  for (guint k = 0; k < x->all->len; k++) {
    const struct vmatch *m = x->all->pdata[k];
    /* the stem is enough: bewijs in legitimatiebewijzen, cliënt in cliënten */
    size_t n = strlen(m->words[0]);
    if (m->kind == VM_AVOID && m->nwords == 1)
      g_ptr_array_add(x->avoid_words, g_strndup(m->words[0], n > 5 ? n - 2 : n));
  }
  if (v->org_short) g_hash_table_add(x->known, g_utf8_strdown(v->org_short, -1));
  for (size_t j = 0; j < v->nwords; j++) g_hash_table_add(x->known, g_utf8_strdown(v->words[j], -1));
  v->index = x;
  v->index_free = vindex_free;
}

bool vocab_explains(const struct vocab *v, const char *word)
{
  const struct vindex *x = v ? v->index : NULL;
  return x && g_hash_table_contains(x->explains, word);
}

/* Lemma candidates of an inflected lower-case word by stripping endings:
 * the listed word is then confirmed with lint_word_form. */
static const char *const endings[] = { "'s", "en", "es", "ers", "s", "e", "n", "te", "ten", "de",
                                       "den", "t", "d" };

static bool known_form(const struct vindex *x, const char *w)
{
  if (g_hash_table_contains(x->known, w)) return true;
  size_t n = strlen(w);
  for (size_t i = 0; i < G_N_ELEMENTS(endings); i++) {
    size_t e = strlen(endings[i]);
    if (n <= e + 2 || strcmp(w + n - e, endings[i]) != 0) continue;
    char *base = g_strndup(w, n - e);
    bool ok = g_hash_table_contains(x->known, base) && lint_word_form(base, w);
    /* een klantmanager -> klantmanagers; werkmap -> werkmappen */
    if (!ok && n - e >= 2 && base[n - e - 1] == base[n - e - 2]) {
      base[n - e - 1] = '\0';
      ok = g_hash_table_contains(x->known, base);
    }
    g_free(base);
    if (ok) return true;
  }
  return false;
}

bool vocab_knows(const struct lint_data *d, const struct vocab *v, const char *word)
{
  (void)d;
  const struct vindex *x = v ? v->index : NULL;
  if (!x) return false;
  char *low = g_utf8_strdown(word, -1);
  bool ok = known_form(x, low);
  if (!ok && strchr(low, '-')) {
    ok = true;
    char **parts = g_strsplit(low, "-", -1);
    for (char **p = parts; *p && ok; p++) ok = !**p || known_form(x, *p);
    g_strfreev(parts);
  }
  g_free(low);
  return ok;
}

/* ---- matching ------------------------------------------------------------------------- */

/* True when the lower-case token W is the listed word L in some form. */
static bool word_matches(const struct lint_data *d, const char *l, const char *w)
{
  if (!strcmp(l, w)) return true;
  if (lint_word_form(l, w)) return true;
  /* Plurals that change a consonant: bewijs -> bewijzen, brief -> brieven. */
  size_t ln = strlen(l), wn = strlen(w);
  if (ln >= 3 && wn == ln + 2 && !strncmp(l, w, ln - 1) &&
      ((l[ln - 1] == 's' && !strcmp(w + ln - 1, "zen")) || (l[ln - 1] == 'f' && !strcmp(w + ln - 1, "ven"))))
    return true;
  /* hunspell stems some compounds to their first part (clientnummer ->
   * client): an inflection adds a few letters at most. A listed plural
   * (uitkeringsgelden) also finds its singular. */
  const char *lemma = lint_lemma(d, w);
  if (strlen(w) + 4 < strlen(lemma) || strlen(lemma) + 4 < strlen(w)) return false;
  return !strcmp(lemma, l) || !strcmp(lemma, lint_lemma(d, l));
}

struct hit {
  const struct vmatch *m;
  size_t               from, to;     /* tokens [from, to) */
  size_t               off, len;     /* bytes in the text: the part that matched */
  bool                 part;         /* inside a compound */
};

/* Entries whose first word could be W: W itself, its lemma, W minus an
 * ending. Calls FN for each candidate list. */
static void candidates(const struct lint_data *d, const struct vindex *x, const char *w,
                       void (*fn)(GPtrArray *, void *), void *ctx)
{
  GPtrArray *seen[16];
  size_t nseen = 0;
  char *keys[G_N_ELEMENTS(endings) + 6];
  size_t nk = 0, n = strlen(w);
  keys[nk++] = g_strdup(w);
  keys[nk++] = g_strdup(lint_lemma(d, w));
  keys[nk++] = g_strconcat(w, "en", NULL);          /* a listed plural */
  keys[nk++] = g_strconcat(w, "s", NULL);
  if (n > 5 && g_str_has_suffix(w, "zen")) keys[nk++] = g_strdup_printf("%.*ss", (int)(n - 3), w);
  if (n > 5 && g_str_has_suffix(w, "ven")) keys[nk++] = g_strdup_printf("%.*sf", (int)(n - 3), w);
  for (size_t i = 0; i < G_N_ELEMENTS(endings); i++) {
    size_t e = strlen(endings[i]);
    if (n > e + 2 && !strcmp(w + n - e, endings[i])) keys[nk++] = g_strndup(w, n - e);
  }
  for (size_t i = 0; i < nk; i++) {
    GPtrArray *list = g_hash_table_lookup(x->first, keys[i]);
    bool dup = false;
    for (size_t j = 0; j < nseen; j++) dup = dup || seen[j] == list;
    if (list && !dup && nseen < G_N_ELEMENTS(seen)) {
      seen[nseen++] = list;
      fn(list, ctx);
    }
    g_free(keys[i]);
  }
}

struct find {
  const struct lint_data *d;
  const struct vindex    *x;
  char                  **low;
  size_t                  i, end;       /* token, sentence end */
  const char             *word;         /* the (part of the) word looked up */
  bool                    single;       /* one-word entries only */
  bool                    avoid_only;   /* only variants to avoid */
  struct hit              best;
};

static void try_list(GPtrArray *list, void *ctx)
{
  struct find *f = ctx;
  for (guint k = 0; k < list->len; k++) {
    const struct vmatch *m = list->pdata[k];
    bool name = m->kind == VM_ORG || m->kind == VM_ORG_VARIANT;
    if ((f->single && m->nwords > 1) || (f->avoid_only && m->kind != VM_AVOID)) continue;
    /* Names are not inflected; words are. */
    if (name ? strcmp(m->words[0], f->word) != 0 : !word_matches(f->d, m->words[0], f->word))
      continue;
    size_t j = 1;
    for (; j < m->nwords; j++) {
      size_t ti = f->i + j;
      if (ti >= f->end) break;
      if (strcmp(f->low[ti], m->words[j]) != 0 && (name || !word_matches(f->d, m->words[j], f->low[ti])))
        break;
    }
    if (j < m->nwords) continue;
    if (!f->best.m || m->nwords > f->best.m->nwords) {
      f->best.m = m;
      f->best.from = f->i;
      f->best.to = f->i + m->nwords;
    }
  }
}

static bool spelled(const struct lint_data *d, const char *w)
{
  return g_utf8_strlen(w, -1) >= 3 && (lint_is_frequent_exact(d, w) || lint_spell_plain(d, w));
}

/* True when an avoided word could be a part of W at all: most long words
 * contain none, and then no split needs to be tried. */
static bool contains_avoided(const struct vindex *x, const char *w)
{
  for (guint k = 0; k < x->avoid_words->len; k++)
    if (strstr(w, x->avoid_words->pdata[k])) return true;
  return false;
}

/* Looks W up among the one-word variants to avoid. */
static bool avoided(struct find *f, const char *w)
{
  f->word = w;
  f->single = f->avoid_only = true;
  candidates(f->d, f->x, w, try_list, f);
  return f->best.m != NULL;
}

/* A variant to avoid as the head (bijstands|uitkering) or the first part
 * (cliënt|nummer) of a closed compound: the other part must be a word of
 * its own, so that a listed word inside an unrelated word is left alone.
 * Sets the hit's byte range within the lower-case token W. */
static bool compound(struct find *f, const char *w)
{
  size_t n = strlen(w);
  for (size_t k = 3; k + 4 <= n; k++) {
    if ((w[k] & 0xC0) == 0x80) continue;               /* inside a character */
    char *pre = g_strndup(w, k);
    bool pre_word = spelled(f->d, pre);
    if (!pre_word && k > 4 && pre[k - 1] == 's') {      /* a linking s */
      pre[k - 1] = '\0';
      pre_word = spelled(f->d, pre);
    }
    g_free(pre);
    if (pre_word && avoided(f, w + k)) {
      f->best.off = k;
      f->best.len = n - k;
      return true;
    }
    if (!spelled(f->d, w + k)) continue;
    /* the first part, with or without its linking s or e(n) */
    static const char *const links[] = { "", "s", "en", "e" };
    for (size_t l = 0; l < G_N_ELEMENTS(links); l++) {
      size_t ln = strlen(links[l]);
      if (k <= ln + 2 || strncmp(w + k - ln, links[l], ln) != 0) continue;
      char *base = g_strndup(w, k - ln);
      GPtrArray *list = g_hash_table_lookup(f->x->first, base);
      for (guint j = 0; list && j < list->len && !f->best.m; j++) {
        const struct vmatch *m = list->pdata[j];
        if (m->kind == VM_AVOID && m->nwords == 1) {
          f->best.m = m;
          f->best.off = 0;
          f->best.len = k - ln;
        }
      }
      g_free(base);
      if (f->best.m) return true;
    }
  }
  return false;
}

/* Finds the entry at token I, as a whole word, a phrase, a part of a
 * hyphenated word or a part of a closed compound. */
static struct hit find_at(const struct lint_data *d, const struct vindex *x,
                          const struct tokens *tk, char **low, size_t i, size_t end)
{
  struct find f = { d, x, low, i, end, low[i], false, false, { 0 } };
  candidates(d, x, low[i], try_list, &f);
  const struct token *t = &tk->t[i];
  if (f.best.m) {
    f.best.off = t->off;
    f.best.len = tk->t[f.best.to - 1].off + tk->t[f.best.to - 1].len - t->off;
    return f.best;
  }
  const char *w = low[i];
  size_t n = strlen(w);
  if (n != t->len) return f.best;              /* lower case changed the bytes: leave it */
  f.best.from = i;
  f.best.to = i + 1;
  f.best.part = true;
  if (strchr(w, '-')) {
    char *copy = g_strdup(w);
    for (char *p = copy, *q; p && *p; p = q) {
      q = strchr(p, '-');
      if (q) *q++ = '\0';
      f.word = p;
      f.single = true;
      candidates(d, x, p, try_list, &f);
      if (f.best.m) {
        f.best.off = t->off + (size_t)(p - copy);
        f.best.len = strlen(p);
        break;
      }
    }
    g_free(copy);
    return f.best;
  }
  if (g_utf8_strlen(w, -1) >= 7 && contains_avoided(x, w) && compound(&f, w)) f.best.off += t->off;
  return f.best;
}

/* ---- findings ----------------------------------------------------------------------- */

struct vcheck {
  struct unit             *u;
  const struct lint_data  *d;
  const struct vocab      *v;
  const struct text       *t;
  const struct tokens     *tk;
  char                   **low;
  struct lint_state       *st;
};

/* True when W (one word) is spelled right, so that a suggestion made by
 * splicing or inflecting can be trusted. */
static bool plausible(const struct vcheck *c, const char *w)
{
  const struct vindex *x = c->v->index;
  char *low = g_utf8_strdown(w, -1);
  bool ok = g_hash_table_contains(x->known, low) || lint_spell_ok(c->d, w) || lint_spell_ok(c->d, low);
  g_free(low);
  return ok;
}

/* True when the words of hit H are the listed phrase exactly (only the
 * case of the first letter may differ). */
static bool as_listed(const struct vcheck *c, const struct hit *h)
{
  char *low = g_utf8_strdown(c->tk->s + h->off, (gssize)h->len);
  char *listed = g_strjoinv(" ", h->m->words);
  bool same = !strcmp(low, listed);
  g_free(listed);
  g_free(low);
  return same;
}

/* The replacement for an avoided word as written: spliced into a compound
 * (cliëntnummer -> klantnummer, with a linking s where Dutch needs one),
 * with a plain ending carried over (cliënten -> klanten) when the result
 * is a word; otherwise the listed replacement as it is. *SURE tells
 * whether it fits as it stands (lint --fix may use it): the word as
 * listed, or a splice or ending that gave a known word. */
static char *replacement(const struct vcheck *c, const struct hit *h, const char *use, bool *sure)
{
  const struct token *t = &c->tk->t[h->from];
  *sure = false;
  if (h->m->nwords > 1 || strchr(use, ' ')) {
    *sure = !h->part && as_listed(c, h);
    if (*sure && t->cap && g_unichar_islower(g_utf8_get_char(use))) return lint_capitalised(use);
    return g_strdup(use);
  }
  const char *word = c->tk->s + t->off;
  char *out = NULL;
  if (h->part) {
    const char *after = c->tk->s + h->off + h->len;
    size_t nafter = t->off + t->len - h->off - h->len;
    char *before = g_strndup(word, h->off - t->off);
    out = g_strdup_printf("%s%s%.*s", before, use, (int)nafter, after);
    if (!plausible(c, out) && nafter > 0 && after[0] != '-') {
      g_free(out);
      out = g_strdup_printf("%s%ss%.*s", before, use, (int)nafter, after);
      if (!plausible(c, out)) { g_free(out); out = NULL; }
    }
    g_free(before);
    *sure = out != NULL;
    return out ? out : g_strdup(use);
  }
  const char *listed = h->m->words[0], *low = c->low[h->from];
  *sure = !strcmp(low, listed);
  size_t ln = strlen(listed);
  size_t un = strlen(use);
  if (!strncmp(low, listed, ln) && strlen(low) > ln && strlen(low) - ln <= 3) {
    out = g_strconcat(use, low + ln, NULL);
    if (!plausible(c, out)) { g_free(out); out = NULL; }
    *sure = out != NULL;
  } else if (un > 2 && ln > 2 && strlen(low) == ln + 2 && !strncmp(low, listed, ln - 1) &&
             use[un - 1] == listed[ln - 1]) {
    /* bewijs -> bewijzen: the replacement changes its consonant the same way */
    out = g_strdup_printf("%.*s%s", (int)(un - 1), use, low + ln - 1);
    if (!plausible(c, out)) { g_free(out); out = NULL; }
    *sure = out != NULL;
  }
  if (!out) out = g_strdup(use);
  if (t->cap && g_unichar_islower(g_utf8_get_char(out))) {   /* Sentence start: Klanten */
    char *up = lint_capitalised(out);
    g_free(out);
    out = up;
  }
  return out;
}

static void report_avoid(const struct vcheck *c, const struct hit *h)
{
  const struct vocab_term *term = &c->v->terms[h->m->term];
  const struct vocab_avoid *a = &term->avoid[h->m->avoid];
  const char *use = a->use ? a->use : term->term;
  bool sure;
  char *sugg = replacement(c, h, use, &sure);
  /* The finding covers what the suggestion replaces: the whole word. */
  size_t off = h->part ? c->tk->t[h->from].off : h->off;
  size_t len = h->part ? c->tk->t[h->from].len : h->len;
  char *whole = g_strndup(c->tk->s + off, len);
  struct diag *d = diag_text(&c->u->diags, DIAG_WARNING, "vocabulary.avoid", c->t, off, len, sugg,
                             "'%s': write '%s' instead (%s)", whole, sugg, a->reason);
  if (sure) diag_fix_text(&c->u->diags, d, c->t, off, len, sugg);
  g_free(whole);
  g_free(sugg);
}

/* A fixed spelling: DigiD, not Digid or DIGID. A lower-case term may
 * start with a capital at the start of a sentence. */
static void check_fixed(const struct vcheck *c, const struct hit *h, bool sentence_start)
{
  const struct vocab_term *term = &c->v->terms[h->m->term];
  const char *as = c->tk->s + h->off;
  size_t n = strlen(term->term);
  if (h->len >= n && !strncmp(as, term->term, n)) return;
  if (sentence_start && h->len >= n && g_unichar_islower(g_utf8_get_char(term->term))) {
    const char *a2 = g_utf8_next_char(as), *t2 = g_utf8_next_char(term->term);
    if (!strncmp(a2, t2, n - (size_t)(t2 - term->term))) return;
  }
  char *here = g_strndup(as, h->len);
  char *sugg = g_strconcat(term->term, h->len > n ? as + n : "", NULL);
  struct diag *d = diag_text(&c->u->diags, DIAG_WARNING, "vocabulary.spelling", c->t, h->off,
                             h->len, sugg, "'%s': the organisation writes '%s'", here, term->term);
  diag_fix_text(&c->u->diags, d, c->t, h->off, h->len, sugg);
  g_free(sugg);
  g_free(here);
}

static bool low_at(const struct vcheck *c, size_t i, size_t end, const char *w)
{
  return i < end && !strcmp(c->low[i], w);
}

/* Explained at its first use: "arbeidsdeskundige (iemand die ...)",
 * "... (WW)", "WW: ...", "een WGA-uitkering, dat is ...", "X betekent",
 * "X is een ...", or a next sentence that starts "Dat is" / "Dit betekent". */
static bool punct_at(const struct tokens *tk, size_t i, size_t end, char ch)
{
  return i < end && tk->t[i].kind == TOK_PUNCT && tk->s[tk->t[i].off] == ch;
}

/* Words that open a definition after "is"/"zijn"/"dat is": "is iemand die",
 * "dat is een arts"; not "dat is verplicht", "is het met u eens". */
static bool defines(const struct vcheck *c, size_t j, size_t end)
{
  static const char *const w[] = { "een", "iemand", "mensen", "de", "geld", "wat", "waar" };
  for (size_t k = 0; k < G_N_ELEMENTS(w); k++)
    if (low_at(c, j, end, w[k])) return true;
  return false;
}

/* Brackets that explain, not "(mevrouw Jansen)" or "(zie de bijlage)". */
static bool explaining_brackets(const struct vcheck *c, size_t open, size_t end)
{
  size_t j = open + 1;
  if (j >= end) return false;
  static const char *const not_def[] = { "zie", "mevrouw", "meneer", "de heer", "bijlage", "pagina" };
  for (size_t k = 0; k < G_N_ELEMENTS(not_def); k++)
    if (low_at(c, j, end, not_def[k])) return false;
  /* a name: one or two capitalised words, "(Jansen)", "(Anna de Vries)";
   * "(Wet werk en inkomen ...)" and "(WW)" explain */
  const struct token *t = &c->tk->t[j];
  if (!t->cap || t->allcaps) return true;
  bool close = punct_at(c->tk, j + 1, end, ')');
  bool next_cap = j + 1 < end && c->tk->t[j + 1].cap;
  return !(close || next_cap || low_at(c, j + 1, end, "de") || low_at(c, j + 1, end, "van"));
}

/* The term explained right after it: "(...)", ": ...", "is iemand die",
 * "betekent", "staat voor", "wil zeggen", ", dat is een ...". */
static bool explained_after(const struct vcheck *c, size_t i, size_t end)
{
  const struct tokens *tk = c->tk;
  if (punct_at(tk, i, end, '(')) return explaining_brackets(c, i, end);
  if (punct_at(tk, i, end, ':')) return true;
  if ((low_at(c, i, end, "is") || low_at(c, i, end, "zijn")) && defines(c, i + 1, end)) return true;
  for (size_t j = i; j < end && j < i + 4; j++)
    if (low_at(c, j, end, "betekent") || low_at(c, j, end, "oftewel") || low_at(c, j, end, "ofwel") ||
        low_at(c, j, end, "heet") || low_at(c, j, end, "noemen") ||
        (low_at(c, j, end, "staat") && low_at(c, j + 1, end, "voor")) ||
        (low_at(c, j, end, "wil") && low_at(c, j + 1, end, "zeggen")) ||
        ((low_at(c, j, end, "dat") || low_at(c, j, end, "dit")) && low_at(c, j + 1, end, "is") &&
         defines(c, j + 2, end)))
      return true;
  return false;
}

/* Explained at its first use: right after it (explained_after), inside
 * brackets after its description ("... (een arbeidsdeskundige)", "(WW)"),
 * named by "heet"/"noemen" before it ("Dit gesprek heet een hoorzitting"),
 * or in the next sentence: "Dat is ...", "Dit betekent ...", or the term
 * again with its explanation ("Een arbeidsdeskundige is iemand die ..."). */
static bool explained(const struct vcheck *c, const struct hit *h, size_t sfirst, size_t send,
                      size_t next_end)
{
  const struct tokens *tk = c->tk;
  if (explained_after(c, h->to, send)) return true;
  for (size_t j = h->from; j > sfirst + 1; j--) {
    if (punct_at(tk, j - 1, send, ')')) break;
    if (punct_at(tk, j - 1, send, '(')) return explaining_brackets(c, j - 1, send) || j - 1 == h->from - 1;
  }
  for (size_t j = sfirst; j < h->from; j++)
    if (low_at(c, j, send, "heet") || low_at(c, j, send, "heten") || low_at(c, j, send, "noemen") ||
        low_at(c, j, send, "noemt") || low_at(c, j, send, "noemden"))
      return true;
  if (send >= next_end) return false;
  for (size_t j = send; j < next_end && j < send + 3; j++) {
    if (low_at(c, j, next_end, "betekent") ||
        ((low_at(c, j, next_end, "dat") || low_at(c, j, next_end, "dit")) &&
         (low_at(c, j + 1, next_end, "betekent") ||
          (low_at(c, j + 1, next_end, "is") && defines(c, j + 2, next_end)))))
      return true;
    if (tk->t[j].kind == TOK_WORD && word_matches(c->d, h->m->words[0], c->low[j]) &&
        explained_after(c, j + h->m->nwords, next_end))
      return true;
  }
  return false;
}

static void check_explain(const struct vcheck *c, const struct hit *h, size_t sfirst, size_t send,
                          size_t next_end)
{
  const struct vocab_term *term = &c->v->terms[h->m->term];
  gpointer key = GSIZE_TO_POINTER(h->m->term + 1);
  /* A subject or heading names the term; the text below it explains it. */
  if (!term->explain || c->st->title || g_hash_table_contains(c->st->terms_seen, key)) return;
  g_hash_table_add(c->st->terms_seen, key);
  if (explained(c, h, sfirst, send, next_end)) return;
  char *here = g_strndup(c->tk->s + h->off, h->len);
  /* A fixed term in its own spelling, whatever the text did to it. */
  char *sugg = g_strdup_printf("%s (%s)", term->fixed ? term->term : here, term->explain);
  diag_text(&c->u->diags, DIAG_WARNING, "vocabulary.explain", c->t, h->off, h->len, sugg,
            "'%s' is not explained; explain it the first time, for example: '%s'", here, sugg);
  g_free(sugg);
  g_free(here);
}

/* Two words for one concept: the letter's first word for it is the norm. */
static void check_concept(const struct vcheck *c, const struct hit *h)
{
  const struct vocab_term *term = &c->v->terms[h->m->term];
  if (term->nadmitted == 0) return;
  gpointer key = GSIZE_TO_POINTER(h->m->term + 1);
  struct first_use *f = g_hash_table_lookup(c->st->concepts, key);
  if (!f) {
    f = g_new0(struct first_use, 1);
    f->cls = h->m->word;
    f->t = c->t;
    f->off = h->off;
    f->len = h->len;
    f->shown = g_strndup(c->tk->s + h->off, h->len);
    struct srcloc at = text_locate(c->t, h->off);
    f->line = at.line;
    f->col = at.col;
    f->file = g_strdup(at.file ? at.file->name : c->t->file ? c->t->file->name : "<input>");
    g_hash_table_insert(c->st->concepts, key, f);
    return;
  }
  if (f->cls == h->m->word) return;
  char rkey[64];
  snprintf(rkey, sizeof rkey, "concept/%zu/%d", h->m->term, h->m->word);
  if (g_hash_table_contains(c->st->reported, rkey)) return;
  g_hash_table_add(c->st->reported, g_strdup(rkey));
  const char *first_word = f->cls ? term->admitted[f->cls - 1] : term->term;
  char *here = g_strndup(c->tk->s + h->off, h->len);
  struct diag *dg = diag_text(&c->u->diags, DIAG_WARNING, "consistency.synonym", c->t, h->off,
                              h->len, first_word,
                              "'%s': this letter calls it '%s' (first used at line %u); use one "
                              "word for one thing", here, f->shown, f->line);
  char note[256];
  snprintf(note, sizeof note, "'%s' first used here", f->shown);
  diag_note_text(&c->u->diags, dg, f->t, f->off, f->len, note);
  g_free(here);
}

static void check_org(const struct vcheck *c, const struct hit *h)
{
  const char *name = c->v->org_name;
  char *here = g_strndup(c->tk->s + h->off, h->len);
  if (h->m->kind == VM_ORG && !strcmp(here, name)) {
    consistency_use(c->u, c->st, CONS_ORGANISATION, 0, c->t, h->off, h->len, NULL,
                    "consistency.organisation", "writes the organisation's name as");
    g_free(here);
    return;
  }
  const struct first_use *f = &c->st->first[CONS_ORGANISATION];
  struct diag *dg;
  if (f->cls >= 0)
    dg = diag_text(&c->u->diags, DIAG_WARNING, "consistency.organisation", c->t, h->off, h->len,
                   name, "'%s': the organisation is called '%s' (first used at line %u)", here,
                   name, f->line);
  else
    dg = diag_text(&c->u->diags, DIAG_WARNING, "consistency.organisation", c->t, h->off, h->len,
                   name, "'%s': the organisation is called '%s'", here, name);
  diag_fix_text(&c->u->diags, dg, c->t, h->off, h->len, name);
  if (f->cls >= 0) diag_note_text(&c->u->diags, dg, f->t, f->off, f->len, "the name first used here");
  g_free(here);
}

void lint_vocabulary(struct unit *u, const struct lint_data *d, const struct lint_cfg *cfg,
                     const struct text *t, const struct tokens *tk, char **low,
                     struct lint_state *st)
{
  const struct vindex *x = cfg->vocab->index;
  if (!x) return;
  struct vcheck c = { u, d, cfg->vocab, t, tk, low, st };
  for (size_t si = 0; si < tk->nsent; si++) {
    const struct sentence *s = &tk->sent[si];
    size_t next_end = si + 1 < tk->nsent ? tk->sent[si + 1].end : s->end;
    for (size_t i = s->first; i < s->end; i++) {
      if (tk->t[i].kind != TOK_WORD) continue;
      struct hit h = find_at(d, x, tk, low, i, s->end);
      if (!h.m) continue;
      switch (h.m->kind) {
      case VM_AVOID: report_avoid(&c, &h); break;
      case VM_TERM:
        if (c.v->terms[h.m->term].fixed) check_fixed(&c, &h, i == s->first);
        check_explain(&c, &h, s->first, s->end, next_end);
        check_concept(&c, &h);
        break;
      case VM_ADMITTED: check_concept(&c, &h); break;
      case VM_ORG:
      case VM_ORG_VARIANT: check_org(&c, &h); break;
      }
      i = h.to - 1;
    }
  }
}
