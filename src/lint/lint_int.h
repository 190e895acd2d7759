/* lint_int.h - shared inside lint/ only: tokens, sentences, word lists. */
#ifndef BB_LINT_INT_H
#define BB_LINT_INT_H
#include "lint.h"
#include "../model/vocab.h"
#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

enum tok_kind {
  TOK_WORD,       /* letters, with inner hyphens and apostrophes: WW-uitkering, auto's */
  TOK_NUMBER,     /* 1.250,50  01-04-2026  10.00  9:45  15%  */
  TOK_AMOUNT,     /* € 1.250,50 */
  TOK_PHONE,      /* 0800 123 45 67, 020-1234567, +31 20 123 45 67 */
  TOK_POSTCODE,   /* 4813 GS */
  TOK_URL,        /* www.win-voorbeeld.nl/gesprek, https://... */
  TOK_EMAIL,
  TOK_VAR,        /* {{ naam }} */
  TOK_ABBREV,     /* bijv.  d.w.z.  t.a.v.  nr. */
  TOK_INITIALS,   /* J.T. */
  TOK_BULLET,     /* a list marker at the start of a line: - * • 1. */
  TOK_PUNCT,      /* one punctuation character */
};

struct token {
  uint32_t      off, len;      /* bytes in the text value */
  enum tok_kind kind;
  bool          cap;           /* starts with an upper-case letter */
  bool          allcaps;       /* two or more letters, all upper case: WW, UWV */
  uint8_t       newlines;      /* line breaks before it (2 = a blank line) */
};

struct sentence {
  size_t   first, end;         /* tokens [first, end) */
  unsigned words;
};

struct tokens {
  const char      *s;          /* the text (not owned) */
  struct token    *t;
  size_t           n, cap;
  struct sentence *sent;
  size_t           nsent, sentcap;
};

/* Splits S into tokens and sentences (lint_tokens.c). Free with
 * tokens_free(); S must outlive TK. */
void tokens_build(struct tokens *tk, const char *s, size_t len);
void tokens_free(struct tokens *tk);
bool token_is_word(const struct token *t);
/* Lower-cased copy of token I's text (caller g_free()s). */
char *token_lower(const struct tokens *tk, size_t i);
/* True when token I is exactly LIT (ASCII, case-insensitive). */
bool token_is(const struct tokens *tk, size_t i, const char *lit);

/* ---- what one letter has said so far -------------------------------------- */

/* The notations the consistency checks compare (lint_consistency.c). */
enum cons_cat {
  CONS_ADDRESS,          /* u / je */
  CONS_TIME,             /* 10.00 uur / 10:00 */
  CONS_DATE,             /* 3 maart 2026 / 03-03-2026 */
  CONS_CURRENCY,         /* € 10 / €10 / EUR 10 / 10 euro */
  CONS_CENTS,            /* € 10,00 / € 10,- / € 10 */
  CONS_THOUSANDS,        /* € 1.250 / € 1250 */
  CONS_PHONE,            /* 0800 123 45 67 / 0800-1234567 */
  CONS_ORGANISATION,     /* the organisation's name as written */
  CONS_COUNT
};

/* The first place a notation was used: where, and how it looked. */
struct first_use {
  int                cls;        /* notation class; -1: not used yet */
  const struct text *t;          /* the text it is in (valid during the letter) */
  size_t             off, len;   /* its bytes in T */
  char              *shown;      /* as written: "10.00 uur" */
  char              *file;       /* for notes across letters */
  unsigned           line, col;
};

struct lint_state {
  GHashTable      *explained;    /* abbreviations explained or already reported */
  GHashTable      *ignore;       /* lower-case words the spelling check accepts */
  GHashTable      *terms_seen;   /* vocabulary terms used (explained or reported) */
  GHashTable      *reported;     /* "rule/class" already reported once */
  GHashTable      *concepts;     /* term index -> struct first_use* of its first word */
  struct first_use first[CONS_COUNT];
  bool             title;        /* the text being checked is a title or heading */
  bool             every_use;    /* lint_cfg.every_use */
};

/* The letter rules on the model (lint_letter.c); PER_BLOCK may be NULL. */
void lint_letter_rules(struct unit *u, const struct lint_data *d, const struct lint_cfg *c,
                       const struct letter *l, const struct metrics *per_block);

/* Spelling findings for the words of T (lint_spelling.c). */
struct lint_data;
void lint_spelling(struct unit *u, const struct lint_data *d, const struct lint_cfg *c,
                   const struct text *t, const struct tokens *tk, struct lint_state *st);

/* Consistency of notations within the letter (lint_consistency.c). */
void lint_consistency(struct unit *u, const struct text *t, const struct tokens *tk,
                      char **low, struct lint_state *st);
/* Only the notations of T (a data field such as an appointment's time). */
void lint_notations(struct unit *u, const struct text *t, struct lint_state *st);
/* Records the first use of notation CLS in category CAT at bytes [off,
 * off+len) of T, or reports a later use of another notation once, with a
 * note at the first. HOW completes "this letter ... 'first'" ("writes
 * times as"). True when this use differs from the first. */
bool consistency_use(struct unit *u, struct lint_state *st, enum cons_cat cat, int cls,
                     const struct text *t, size_t off, size_t len, const char *suggestion,
                     const char *rule, const char *how);
void first_use_clear(struct first_use *f);

/* The organisation's word list (lint_vocab.c): vocabulary.* findings,
 * two words for one concept and the organisation's name. */
void lint_vocabulary(struct unit *u, const struct lint_data *d, const struct lint_cfg *c,
                     const struct text *t, const struct tokens *tk, char **low,
                     struct lint_state *st);
/* True when the word list spells WORD (as written) this way. */
bool vocab_knows(const struct lint_data *d, const struct vocab *v, const char *word);
/* True when the word list has an explanation for WORD (an abbreviation). */
bool vocab_explains(const struct vocab *v, const char *word);

/* S with its first letter in upper case, for a sentence start (g_free;
 * lint_tokens.c). */
char *lint_capitalised(const char *s);

/* ---- word lists (lint_words.c) ------------------------------------------ */

struct difficult {
  char  *phrase;               /* "in aanmerking komen voor", lower case */
  char **words;                /* the phrase split into words */
  size_t nwords;
  char  *alternative;          /* first alternative: the suggestion */
  char  *all;                  /* every alternative, as written */
  char  *note;                 /* "context: ..." or NULL */
  bool   safe;                 /* note "vervangbaar": lint --fix may replace the
                                  phrase as listed by the first alternative */
};

struct lint_data {
  GHashTable       *frequent;   /* lemma -> itself */
  struct difficult *difficult;
  size_t            ndifficult;
  GHashTable       *difficult_first; /* first word (lemma) -> GPtrArray of entries */
  GHashTable       *syllable_fix;    /* word -> syllables (GUINT_TO_POINTER) */
  void             *hyph;            /* HyphenDict (lint_syllables.c) */
  void             *hunspell;        /* Hunhandle (lint_words.c) */
  void             *hunspell_en;     /* English, for loanwords; may be NULL */
  GHashTable       *stem_cache;      /* word -> lemma (or "" when none) */
  GHashTable       *syllable_cache;  /* word -> syllables, as counted */
  GHashTable       *frequent_cache;  /* word -> 1 frequent, 2 not */
  GHashTable       *spell_cache;     /* word -> 1 known, 2 unknown */
  GHashTable       *plain_cache;     /* the same, the dictionary alone */
  GHashTable       *suggest_cache;   /* word -> suggestion or NULL */
};

/* True when W is the listed word or one of its inflected forms. */
bool lint_word_form(const char *listed, const char *w);

/* Spelling with hunspell and the organisation's own words: true when WORD
 * (as written) is known. Cached. */
bool lint_spell_ok(const struct lint_data *d, const char *word);
/* True when W (LEN bytes) can be the first part of a compound whose
 * second part is left out: "nabetalings- en terugvorderingsbeleid". */
bool lint_compound_part_ok(const struct lint_data *d, const char *w, size_t len);
/* Empties a cache that has grown past its limit. Only between texts: the
 * lemmas lint_lemma() returns live in a cache. */
void lint_trim_caches(const struct lint_data *d);
/* The dictionary alone, without compounds of our own. Cached. */
bool lint_spell_plain(const struct lint_data *d, const char *word);
/* True when WORD is English (the optional en_US dictionary). */
bool lint_spell_english(const struct lint_data *d, const char *word);
/* hunspell's best suggestion for WORD, or NULL; caller g_free()s. */
char *lint_spell_suggest(const struct lint_data *d, const char *word);

/* The lemma of a lower-case word (hunspell's stem), or the word itself.
 * Valid as long as D. */
const char *lint_lemma(const struct lint_data *d, const char *word);
bool lint_is_frequent(const struct lint_data *d, const char *lower_word);
/* Only the list itself, no stems or rules. */
bool lint_is_frequent_exact(const struct lint_data *d, const char *lower_word);

void *syllables_load(const char *datadir);
void syllables_free(void *hyph);

#endif
