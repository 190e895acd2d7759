/* lint_spelling.c - spelling with hunspell's Dutch dictionary.
 *
 * Rule spelling.unknown-word, with hunspell's best suggestion. Not
 * checked: placeholders and the values put in their place, numbers, codes
 * and addresses (other token kinds), words with digits, words in capitals
 * (abbreviations), capitalised words inside a sentence (names), the names
 * in the letter's own fields (recipient, sender, street, city), the
 * letter's ignore-words, and the organisation's words from its word list.
 * Hyphenated compounds are checked whole, and part by part when the whole
 * is unknown (WW-uitkering). */
#include "lint_int.h"
#include <string.h>

/* Words with capitals inside (DigiD, CompetentNL, MijnWIN) are names. */
static bool inner_capital(const char *w, size_t len)
{
  const char *end = w + len;
  for (const char *p = g_utf8_next_char(w); p < end; p = g_utf8_next_char(p))
    if (g_unichar_isupper(g_utf8_get_char(p))) return true;
  return false;
}

/* U+2010 and U+2011 (non-breaking) hyphens as plain ones. */
static char *plain_hyphens(const char *w, size_t len)
{
  GString *g = g_string_new_len(w, (gssize)len);
  for (;;) {
    char *p = strstr(g->str, "\xe2\x80\x90");
    if (!p) p = strstr(g->str, "\xe2\x80\x91");
    if (!p) break;
    gssize at = p - g->str;
    g_string_erase(g, at, 3);
    g_string_insert_c(g, at, '-');
  }
  return g_string_free(g, FALSE);
}

static bool word_known(const struct lint_data *d, const char *w, size_t len)
{
  char *word = plain_hyphens(w, len);
  bool ok = lint_spell_ok(d, word);
  if (!ok && strchr(word, '-')) {
    /* WW-uitkering: each part on its own; parts in capitals are fine. */
    ok = true;
    char **parts = g_strsplit(word, "-", -1);
    for (char **p = parts; *p && ok; p++) {
      bool caps = **p != '\0';
      for (const char *c = *p; *c; c++) caps = caps && !g_ascii_islower(*c);
      if (**p && !caps && !lint_spell_ok(d, *p)) ok = false;
    }
    g_strfreev(parts);
  }
  g_free(word);
  return ok;
}

/* True when byte VOFF of T came from a variable's value, not the spec. */
static bool substituted(const struct text *t, size_t voff)
{
  for (uint32_t i = 0; i < t->nsegs; i++) {
    uint32_t end = i + 1 < t->nsegs ? t->segs[i + 1].voff : (uint32_t)t->len;
    if (voff >= t->segs[i].voff && voff < end) return t->segs[i].fixed && end - t->segs[i].voff > 2;
  }
  return false;
}

static bool ignored(const struct lint_state *st, const char *w, size_t len)
{
  if (!st || g_hash_table_size(st->ignore) == 0) return false;
  char *low = g_utf8_strdown(w, (gssize)len);
  bool ok = g_hash_table_contains(st->ignore, low);
  /* a name with an ending: Dekkers, Jansen's */
  size_t n = strlen(low);
  if (!ok && n > 3 && low[n - 1] == 's') {
    low[n - (low[n - 2] == '\'' ? 2 : 1)] = '\0';
    ok = g_hash_table_contains(st->ignore, low);
  }
  g_free(low);
  return ok;
}

/* A suggestion costs a few milliseconds; a pasted table or a foreign text
 * can have thousands of unknown words. Past this many per text, the
 * findings come without one. */
#define MAX_SUGGESTIONS 40
#define MAX_SUGGEST_LEN 40

void lint_spelling(struct unit *u, const struct lint_data *d, const struct lint_cfg *c,
                   const struct text *t, const struct tokens *tk, struct lint_state *st)
{
  unsigned suggested = 0;
  for (size_t si = 0; si < tk->nsent; si++) {
    const struct sentence *s = &tk->sent[si];
    for (size_t i = s->first; i < s->end; i++) {
      const struct token *tok = &tk->t[i];
      if (tok->kind != TOK_WORD || tok->allcaps || (tok->cap && i > s->first)) continue;
      const char *w = tk->s + tok->off;
      bool digit = false;
      for (size_t j = 0; j < tok->len; j++) digit = digit || g_ascii_isdigit(w[j]);
      if (digit || substituted(t, tok->off) || ignored(st, w, tok->len) ||
          inner_capital(w, tok->len))
        continue;
      /* "nabetalings- en ...": the first part of a compound whose second
       * part is left out; checked as such. */
      bool cut = tok->off + tok->len + 1 < t->len && tk->s[tok->off + tok->len] == '-' &&
                 tk->s[tok->off + tok->len + 1] == ' ';
      if (cut && lint_compound_part_ok(d, w, tok->len)) continue;
      char *word = g_strndup(w, tok->len);
      if ((c->vocab && vocab_knows(d, c->vocab, word)) || word_known(d, w, tok->len) ||
          lint_spell_english(d, word)) {
        g_free(word);
        continue;
      }
      char *sugg = suggested < MAX_SUGGESTIONS && tok->len <= MAX_SUGGEST_LEN
                     ? lint_spell_suggest(d, word) : NULL;
      suggested++;
      if (sugg)
        diag_text(&u->diags, DIAG_WARNING, "spelling.unknown-word", t, tok->off, tok->len, sugg,
                  "unknown word '%s'; did you mean '%s'?", word, sugg);
      else
        diag_text(&u->diags, DIAG_WARNING, "spelling.unknown-word", t, tok->off, tok->len, NULL,
                  "unknown word '%s'", word);
      g_free(sugg);
      g_free(word);
    }
  }
}
