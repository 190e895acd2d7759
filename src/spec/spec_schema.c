/* spec_schema.c - the letter spec's schema and its validator.
 *
 * The schema, in short (docs/spec.md has it all, with examples):
 *
 *   version: 1                      optional, only 1 exists
 *   kind: uitnodiging | afspraakbevestiging | beschikking | verzoek |
 *         herinnering | informatie | werkplan | kennismaking | algemeen
 *                                                                required
 *   language: nl                    optional, two lower-case letters
 *   date: 2026-11-27                optional, ISO date or {{ variable }}
 *   reference, your-reference       optional texts
 *   subject                         required text
 *   urgency                         optional text for the envelope
 *   sender:    name, role (required), team, organisation, phone, hours,
 *              website, email, address (lines)
 *   recipient: name, address (lines), postcode, city (required),
 *              salutation (letter.salutation asks for it), country
 *   key-message: title (required), text
 *   blocks:    a list; each item has exactly one key naming its type:
 *              paragraph | heading | standard: text
 *              list | numbered-list: list of texts
 *              callout: style, icon, title, text (required)
 *              action: title, items (required): what (required), detail,
 *                      when, where, bring (lines), icon
 *              timeline: title, current, steps (required): title
 *                        (required), date, text
 *              table: title, columns (required), align, rows (required)
 *              contact: title, phone, hours, website, email, post, text
 *   closing                         optional text ("Met vriendelijke groet,")
 *   signature: name, role           optional; defaults to the sender
 *   variables: name: value ...      optional values for {{ name }}
 *
 * Strict by design: unknown keys, wrong types and missing required keys
 * are errors, with "did you mean" for near misses. */
#include "spec_int.h"
#include "../base/util.h"
#include "../model/house.h"
#include "../model/letter.h"
#include "../model/rules.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define END { NULL, SK_TEXT, false, NULL, NULL, 0, 0, 0 }
#define TEXT(n, req) { n, SK_TEXT, req, NULL, NULL, 0, 0, 0 }
#define LINES(n, req) { n, SK_LINES, req, NULL, NULL, 0, 0, 0 }
#define ENUM(n, req, tbl) { n, SK_ENUM, req, NULL, tbl, ARRAY_SIZE(tbl), 0, 0 }

static const struct skey sender_keys[] = {
  TEXT("name", true), TEXT("role", true), TEXT("team", false),
  TEXT("organisation", false), TEXT("phone", false), TEXT("hours", false),
  TEXT("website", false), TEXT("email", false), LINES("address", false),
  END
};

static const struct skey recipient_keys[] = {
  TEXT("name", true), TEXT("salutation", false), LINES("address", true),
  TEXT("postcode", true), TEXT("city", true), TEXT("country", false),
  END
};

static const struct skey key_message_keys[] = {
  TEXT("title", true), TEXT("text", false), END
};

static const struct skey signature_keys[] = {
  TEXT("name", false), TEXT("role", false), END
};

static const struct skey callout_keys[] = {
  ENUM("style", false, callout_style_names), ENUM("icon", false, icon_names),
  TEXT("title", false), TEXT("text", true), END
};

static const struct skey action_item_keys[] = {
  TEXT("what", true), TEXT("detail", false), TEXT("when", false),
  TEXT("where", false), LINES("bring", false), ENUM("icon", false, icon_names),
  END
};

static const struct skey action_keys[] = {
  TEXT("title", false),
  { "items", SK_MAPLIST, true, action_item_keys, NULL, 0, 0, 0 },
  END
};

static const struct skey step_keys[] = {
  TEXT("title", true), TEXT("date", false), TEXT("text", false), END
};

static const struct skey timeline_keys[] = {
  TEXT("title", false),
  { "current", SK_INT, false, NULL, NULL, 0, 1, 12 },
  { "steps", SK_MAPLIST, true, step_keys, NULL, 0, 0, 0 },
  END
};

static const struct skey table_keys[] = {
  TEXT("title", false),
  { "columns", SK_TEXTLIST, true, NULL, NULL, 0, 0, 0 },
  { "align", SK_ENUMLIST, false, NULL, align_names, ARRAY_SIZE(align_names), 0, 0 },
  { "rows", SK_ROWS, true, NULL, NULL, 0, 0, 0 },
  END
};

static const struct skey contact_keys[] = {
  TEXT("title", false), TEXT("phone", false), TEXT("hours", false),
  TEXT("website", false), TEXT("email", false), LINES("post", false),
  TEXT("text", false), TEXT("qr", false), END
};

/* Indexed by enum block_type. */
const struct skey spec_block_types[] = {
  TEXT("paragraph", true),
  TEXT("heading", true),
  { "list", SK_TEXTLIST, true, NULL, NULL, 0, 0, 0 },
  { "numbered-list", SK_TEXTLIST, true, NULL, NULL, 0, 0, 0 },
  { "callout", SK_MAP, true, callout_keys, NULL, 0, 0, 0 },
  { "action", SK_MAP, true, action_keys, NULL, 0, 0, 0 },
  { "timeline", SK_MAP, true, timeline_keys, NULL, 0, 0, 0 },
  { "table", SK_MAP, true, table_keys, NULL, 0, 0, 0 },
  { "contact", SK_MAP, true, contact_keys, NULL, 0, 0, 0 },
  TEXT("standard", true),
  END
};

const struct skey spec_letter_keys[] = {
  { "version", SK_INT, false, NULL, NULL, 0, 1, 1 },
  ENUM("kind", true, letter_kind_names),
  { "language", SK_LANG, false, NULL, NULL, 0, 0, 0 },
  TEXT("house-style", false),
  { "date", SK_DATE, false, NULL, NULL, 0, 0, 0 },
  TEXT("reference", false),
  TEXT("your-reference", false),
  TEXT("subject", true),
  TEXT("urgency", false),
  { "sender", SK_MAP, true, sender_keys, NULL, 0, 0, 0 },
  { "recipient", SK_MAP, true, recipient_keys, NULL, 0, 0, 0 },
  { "key-message", SK_MAP, true, key_message_keys, NULL, 0, 0, 0 },
  { "blocks", SK_BLOCKS, true, NULL, NULL, 0, 0, 0 },
  TEXT("closing", false),
  { "signature", SK_MAP, false, signature_keys, NULL, 0, 0, 0 },
  { "variables", SK_VARS, false, NULL, NULL, 0, 0, 0 },
  { "ignore-words", SK_TEXTLIST, false, NULL, NULL, 0, 0, 0 },
  END
};

#define COLOUR(n) { n, SK_COLOUR, false, NULL, NULL, 0, 0, 0 }
static const struct skey house_colour_keys[] = {
  COLOUR("primary"), COLOUR("on-primary"), COLOUR("accent"), COLOUR("text"),
  COLOUR("muted"), COLOUR("light"), COLOUR("warning"), COLOUR("warning-light"),
  COLOUR("success"), COLOUR("success-light"), END
};

/* A house style file: how an organisation's letters look. */
const struct skey spec_house_keys[] = {
  TEXT("organisation", true),
  TEXT("logo", false),
  { "logo-width", SK_NUMBER, false, NULL, NULL, 0, 10, 80 },
  LINES("letterhead", false),
  LINES("return-address", false),
  TEXT("footer", false),
  TEXT("font", false),
  { "body-size", SK_NUMBER, false, NULL, NULL, 0, 11, 12 },
  ENUM("window", false, window_side_names),
  { "max-pages", SK_INT, false, NULL, NULL, 0, 1, 50 },
  { "allow-personal-phone", SK_BOOL, false, NULL, NULL, 0, 0, 0 },
  { "colours", SK_MAP, false, house_colour_keys, NULL, 0, 0, 0 },
  END
};

static const struct skey config_readability_keys[] = {
  { "sentence-warning", SK_INT, false, NULL, NULL, 0, 5, 60 },
  { "sentence-error", SK_INT, false, NULL, NULL, 0, 5, 100 },
  { "clauses", SK_INT, false, NULL, NULL, 0, 2, 10 },
  { "long-word-syllables", SK_INT, false, NULL, NULL, 0, 2, 20 },
  { "long-word-letters", SK_INT, false, NULL, NULL, 0, 8, 60 },
  END
};

/* .beeldbrief.yaml: settings for every letter below its folder. */
static const struct skey config_pages_keys[] = {
  { "uitnodiging", SK_INT, false, NULL, NULL, 0, 1, 50 },
  { "afspraakbevestiging", SK_INT, false, NULL, NULL, 0, 1, 50 },
  { "beschikking", SK_INT, false, NULL, NULL, 0, 1, 50 },
  { "verzoek", SK_INT, false, NULL, NULL, 0, 1, 50 },
  { "herinnering", SK_INT, false, NULL, NULL, 0, 1, 50 },
  { "informatie", SK_INT, false, NULL, NULL, 0, 1, 50 },
  { "werkplan", SK_INT, false, NULL, NULL, 0, 1, 50 },
  { "kennismaking", SK_INT, false, NULL, NULL, 0, 1, 50 },
  { "algemeen", SK_INT, false, NULL, NULL, 0, 1, 50 },
  END
};

static const struct skey config_letter_keys[] = {
  { "block-words", SK_INT, false, NULL, NULL, 0, 20, 2000 },
  { "paragraph-words", SK_INT, false, NULL, NULL, 0, 20, 1000 },
  { "pages", SK_MAP, false, config_pages_keys, NULL, 0, 0, 0 },
  END
};

const struct skey spec_config_keys[] = {
  { "readability", SK_MAP, false, config_readability_keys, NULL, 0, 0, 0 },
  LINES("vocabulary", false),
  { "rules", SK_RULEMAP, false, NULL, NULL, 0, 0, 0 },
  { "letter", SK_MAP, false, config_letter_keys, NULL, 0, 0, 0 },
  TEXT("house-style", false),
  LINES("ignore", false),
  END
};

/* The organisation's word list (wordlist/organisatie.yaml). */
static const struct skey vocab_avoid_keys[] = {
  TEXT("word", true), TEXT("reason", true), TEXT("use", false), END
};

static const struct skey vocab_term_keys[] = {
  TEXT("term", true),
  { "fixed", SK_BOOL, false, NULL, NULL, 0, 0, 0 },
  TEXT("explain", false),
  { "admitted", SK_TEXTLIST, false, NULL, NULL, 0, 0, 0 },
  { "avoid", SK_MAPLIST, false, vocab_avoid_keys, NULL, 0, 0, 0 },
  TEXT("note", false),
  END
};

static const struct skey vocab_org_keys[] = {
  TEXT("name", true), TEXT("short", false),
  { "variants", SK_TEXTLIST, false, NULL, NULL, 0, 0, 0 },
  END
};

const struct skey spec_vocab_keys[] = {
  { "organisation", SK_MAP, false, vocab_org_keys, NULL, 0, 0, 0 },
  { "terms", SK_MAPLIST, true, vocab_term_keys, NULL, 0, 0, 0 },
  { "words", SK_TEXTLIST, false, NULL, NULL, 0, 0, 0 },
  END
};

/* A lint baseline (beeldbrief lint --write-baseline). */
static const struct skey baseline_finding_keys[] = {
  TEXT("rule", true), TEXT("file", true), TEXT("text", true),
  { "count", SK_INT, false, NULL, NULL, 0, 1, 1000000 },
  TEXT("message", false),
  END
};

const struct skey spec_baseline_keys[] = {
  { "version", SK_INT, true, NULL, NULL, 0, 1, 1 },
  { "findings", SK_MAPLIST, false, baseline_finding_keys, NULL, 0, 0, 0 },
  END
};

/* A standard text block file: reusable blocks and what they are for. */
const struct skey spec_blockfile_keys[] = {
  TEXT("description", false),
  { "blocks", SK_BLOCKS, true, NULL, NULL, 0, 0, 0 },
  END
};

/* ---- validation ------------------------------------------------------------ */

struct vctx {
  struct unit *u;
  int          errors;
};

static void verr(struct vctx *v, const struct spec_node *at, const char *rule,
                 const char *suggestion, const char *fmt, ...)
  __attribute__((format(printf, 5, 6)));

static void verr(struct vctx *v, const struct spec_node *at, const char *rule,
                 const char *suggestion, const char *fmt, ...)
{
  char msg[768];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  size_t end = at->text.end > at->text.start ? at->text.end : at->text.start + 1;
  diag_span(&v->u->diags, DIAG_ERROR, rule, at->text.file, at->text.start, end,
            suggestion, "%s", msg);
  v->errors++;
}

static const char *kind_word(const struct spec_node *n)
{
  switch (n->kind) {
  case SPEC_MAP: return "a group of keys";
  case SPEC_SEQ: return "a list";
  default: return "text";
  }
}

/* A plain scalar that YAML reads as "nothing": `key:` or `key: ~`. */
static bool is_null(const struct spec_node *n)
{
  if (n->kind != SPEC_SCALAR || n->style != SPEC_PLAIN) return false;
  const char *s = n->text.s;
  return !*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
         !strcmp(s, "NULL");
}

static void validate_value(struct vctx *v, const struct skey *k,
                           const struct spec_node *key, const struct spec_node *val);

/* Every item of a list must be text. */
static void validate_textlist(struct vctx *v, const char *name, const struct spec_node *seq)
{
  for (size_t i = 0; i < seq->n; i++) {
    const struct spec_node *it = seq->kids[i];
    if (it->kind != SPEC_SCALAR)
      verr(v, it, "spec.type", NULL, "item %zu of '%s' must be text, not %s",
           i + 1, name, kind_word(it));
    else if (!*it->text.s || is_null(it))
      verr(v, it, "spec.empty", NULL, "item %zu of '%s' is empty", i + 1, name);
  }
}

static void validate_enum(struct vctx *v, const struct skey *k, const char *name,
                          const struct spec_node *val)
{
  if (letter_name_index(k->values, k->nvalues, val->text.s) >= 0) return;
  const char *best = suggest_closest(val->text.s, k->values, k->nvalues);
  char list[512] = "";
  for (size_t i = 0; i < k->nvalues; i++) {
    if (strcmp(k->values[i], "none") == 0) continue;
    if (*list) strncat(list, ", ", sizeof list - strlen(list) - 1);
    strncat(list, k->values[i], sizeof list - strlen(list) - 1);
  }
  if (best)
    verr(v, val, "spec.value", best, "'%s' is not a valid %s; did you mean '%s'?",
         val->text.s, name, best);
  else
    verr(v, val, "spec.value", NULL, "'%s' is not a valid %s; use one of: %s",
         val->text.s, name, list);
}

/* rules: { letter.subject: error, readability.passive: off } */
static void validate_rulemap(struct vctx *v, const struct spec_node *val)
{
  static const char *const sev[] = { "error", "warning", "info", "off" };
  size_t n;
  const struct rule_info *all = rules_all(&n);
  const char **ids = malloc(n * sizeof *ids);
  for (size_t i = 0; i < n; i++) ids[i] = all[i].id;
  for (size_t i = 0; i + 1 < val->n; i += 2) {
    const struct spec_node *rk = val->kids[i], *rv = val->kids[i + 1];
    if (!rules_find(rk->text.s)) {
      const char *best = suggest_closest(rk->text.s, ids, n);
      if (best)
        verr(v, rk, "spec.unknown-rule", best, "unknown rule '%s'; did you mean '%s'?", rk->text.s, best);
      else
        verr(v, rk, "spec.unknown-rule", NULL, "unknown rule '%s'; 'beeldbrief rules' lists them",
             rk->text.s);
    }
    if (rv->kind != SPEC_SCALAR || rules_parse_severity(rv->text.s) == -2) {
      const char *best = rv->kind == SPEC_SCALAR ? suggest_closest(rv->text.s, sev, 4) : NULL;
      verr(v, rv, "spec.value", best, "the severity of '%s' is error, warning, info or off%s%s%s",
           rk->text.s, best ? "; did you mean '" : "", best ? best : "", best ? "'?" : "");
    }
  }
  free(ids);
}

static bool is_iso_date(const char *s, int *y, int *m, int *d)
{
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !isdigit((unsigned char)s[i])) return false;
  *y = atoi(s);
  *m = atoi(s + 5);
  *d = atoi(s + 8);
  static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  if (*y < 1900 || *y > 2200 || *m < 1 || *m > 12 || *d < 1 || *d > mdays[*m - 1])
    return false;
  bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
  return !(*m == 2 && *d == 29 && !leap);
}

bool spec_parse_colour(const char *s, double *r, double *g, double *b)
{
  if (strlen(s) != 7 || s[0] != '#') return false;
  for (int i = 1; i < 7; i++)
    if (!isxdigit((unsigned char)s[i])) return false;
  unsigned long v = strtoul(s + 1, NULL, 16);
  *r = ((v >> 16) & 0xFF) / 255.0;
  *g = ((v >> 8) & 0xFF) / 255.0;
  *b = (v & 0xFF) / 255.0;
  return true;
}

/* ISO 639 code of 2 or 3 lower-case letters, optionally with a region:
 * nl, en, pap, nl-BE. */
static bool is_language(const char *s)
{
  size_t n = 0;
  while (islower((unsigned char)s[n])) n++;
  if (n < 2 || n > 3) return false;
  if (!s[n]) return true;
  return s[n] == '-' && isupper((unsigned char)s[n + 1]) && isupper((unsigned char)s[n + 2]) &&
         !s[n + 3];
}

static void validate_map(struct vctx *v, const struct skey *keys, const char *what,
                         const struct spec_node *owner, const struct spec_node *map)
{
  /* Every key must be known ... */
  const char *names[64];
  size_t nnames = 0;
  for (const struct skey *k = keys; k->name && nnames < ARRAY_SIZE(names); k++)
    names[nnames++] = k->name;
  for (size_t i = 0; i + 1 < map->n; i += 2) {
    const struct spec_node *key = map->kids[i], *val = map->kids[i + 1];
    const struct skey *k = keys;
    while (k->name && strcmp(k->name, key->text.s) != 0) k++;
    if (!k->name) {
      const char *best = suggest_closest(key->text.s, names, nnames);
      if (best)
        verr(v, key, "spec.unknown-key", best, "unknown key '%s' in %s; did you mean '%s'?",
             key->text.s, what, best);
      else
        verr(v, key, "spec.unknown-key", NULL, "unknown key '%s' in %s", key->text.s, what);
      continue;
    }
    validate_value(v, k, key, val);
  }
  /* ... and every required key present. */
  for (const struct skey *k = keys; k->name; k++) {
    if (!k->required || spec_map_get(map, k->name)) continue;
    const struct spec_node *at = owner ? owner : map;
    if (owner)
      verr(v, at, "spec.missing", NULL, "%s is missing the required key '%s'", what, k->name);
    else {
      /* The top level: point at the start of the file, not at a key. */
      diag_span(&v->u->diags, DIAG_ERROR, "spec.missing", map->text.file,
                map->text.file->body, map->text.file->body, NULL,
                "missing required key '%s'", k->name);
      v->errors++;
    }
  }
}

/* table: rows as wide as columns, one align per column. */
static void validate_table(struct vctx *v, const struct spec_node *map)
{
  const struct spec_node *cols = spec_map_get(map, "columns");
  const struct spec_node *rows = spec_map_get(map, "rows");
  const struct spec_node *align = spec_map_get(map, "align");
  if (!cols || cols->kind != SPEC_SEQ) return;
  if (align && align->kind == SPEC_SEQ && align->n != cols->n)
    verr(v, align, "spec.value", NULL, "'align' has %zu %s but the table has %zu columns",
         align->n, align->n == 1 ? "entry" : "entries", cols->n);
  if (!rows || rows->kind != SPEC_SEQ) return;
  for (size_t r = 0; r < rows->n; r++)
    if (rows->kids[r]->kind == SPEC_SEQ && rows->kids[r]->n != cols->n)
      verr(v, rows->kids[r], "spec.value", NULL, "row %zu has %zu %s but the table has %zu columns",
           r + 1, rows->kids[r]->n, rows->kids[r]->n == 1 ? "cell" : "cells", cols->n);
}

static void validate_timeline(struct vctx *v, const struct spec_node *map)
{
  const struct spec_node *cur = spec_map_get(map, "current");
  const struct spec_node *steps = spec_map_get(map, "steps");
  if (!steps || steps->kind != SPEC_SEQ) return;
  if (steps->n < 2 || steps->n > 8)
    verr(v, steps, "spec.value", NULL, "a timeline has 2 to 8 steps, this one has %zu", steps->n);
  if (cur && cur->kind == SPEC_SCALAR && (size_t)atoi(cur->text.s) > steps->n)
    verr(v, cur, "spec.value", NULL, "'current' is step %d but the timeline has %zu steps",
         atoi(cur->text.s), steps->n);
}

static bool is_condition(const char *key)
{
  return !strcmp(key, "if") || !strcmp(key, "unless");
}

/* `if: name`: the name of a variable, nothing else. */
static void validate_condition(struct vctx *v, const struct spec_node *key,
                               const struct spec_node *val)
{
  bool ok = val->kind == SPEC_SCALAR && val->text.s && *val->text.s &&
            (isalpha((unsigned char)val->text.s[0]) || val->text.s[0] == '_');
  for (const char *p = ok ? val->text.s : ""; *p && ok; p++) ok = isalnum((unsigned char)*p) || *p == '_';
  if (!ok)
    verr(v, val, "spec.value", NULL,
         "'%s' names a variable: the block is shown only when it %s a value (for example "
         "'%s: toeslag')", key->text.s, !strcmp(key->text.s, "if") ? "has" : "has no",
         key->text.s);
}

static void validate_blocks(struct vctx *v, const struct spec_node *seq)
{
  const char *names[BLOCK_COUNT];
  for (size_t i = 0; i < BLOCK_COUNT; i++) names[i] = spec_block_types[i].name;
  if (seq->n == 0)
    verr(v, seq, "spec.empty", NULL, "'blocks' is empty; a letter needs at least one block");
  for (size_t i = 0; i < seq->n; i++) {
    const struct spec_node *b = seq->kids[i];
    if (b->kind != SPEC_MAP || b->n == 0) {
      verr(v, b, "spec.type", NULL,
           "block %zu must name its type, for example '- paragraph: Uw tekst'", i + 1);
      continue;
    }
    /* `if:` and `unless:` may stand beside the block's type (a mailing's
     * optional blocks); the type is the first other key. */
    size_t ti = 0;
    while (ti + 1 < b->n && is_condition(b->kids[ti]->text.s)) ti += 2;
    for (size_t j = 0; j + 1 < b->n; j += 2)
      if (is_condition(b->kids[j]->text.s)) validate_condition(v, b->kids[j], b->kids[j + 1]);
    if (ti + 1 >= b->n) {
      verr(v, b, "spec.type", NULL,
           "block %zu must name its type, for example '- paragraph: Uw tekst'", i + 1);
      continue;
    }
    const struct spec_node *key = b->kids[ti], *val = b->kids[ti + 1];
    int t = letter_name_index(names, BLOCK_COUNT, key->text.s);
    /* A second key usually means a field was not indented under its block;
     * blocks whose value is text have no fields to indent into. */
    bool has_fields = t >= 0 && spec_block_types[t].type == SK_MAP;
    for (size_t j = ti + 2; j + 1 < b->n; j += 2) {
      if (is_condition(b->kids[j]->text.s)) continue;
      if (has_fields)
        verr(v, b->kids[j], "spec.unknown-key", NULL,
             "unexpected key '%s' beside '%s'; a block has one key naming its type "
             "(indent '%s' further to put it inside '%s')",
             b->kids[j]->text.s, key->text.s, b->kids[j]->text.s, key->text.s);
      else
        verr(v, b->kids[j], "spec.unknown-key", NULL,
             "unexpected key '%s' beside '%s'; a block has one key naming its type "
             "(start a new block with '- ')", b->kids[j]->text.s, key->text.s);
    }
    if (t < 0) {
      const char *best = suggest_closest(key->text.s, names, BLOCK_COUNT);
      if (best)
        verr(v, key, "spec.unknown-key", best, "unknown block type '%s'; did you mean '%s'?",
             key->text.s, best);
      else
        verr(v, key, "spec.unknown-key", NULL,
             "unknown block type '%s'; use paragraph, heading, list, numbered-list, "
             "callout, action, timeline, table, contact or standard", key->text.s);
      continue;
    }
    validate_value(v, &spec_block_types[t], key, val);
    if (val->kind == SPEC_MAP && t == BLOCK_TABLE) validate_table(v, val);
    if (val->kind == SPEC_MAP && t == BLOCK_TIMELINE) validate_timeline(v, val);
  }
}

static bool is_var_name(const char *s)
{
  if (!isalpha((unsigned char)*s) && *s != '_') return false;
  for (s++; *s; s++)
    if (!isalnum((unsigned char)*s) && *s != '_') return false;
  return true;
}

/* Removing an empty key helps only when the key is optional. */
static const char *empty_hint(const struct skey *k)
{
  return k->required ? "give it a value" : "give it a value or remove the key";
}


static void validate_value(struct vctx *v, const struct skey *k,
                           const struct spec_node *key, const struct spec_node *val)
{
  const char *name = k->name;
  if (is_null(val)) {
    verr(v, key, "spec.empty", NULL, "'%s' has no value; give it one%s", name,
         k->required ? "" : " or remove the key");
    return;
  }
  bool want_scalar = k->type == SK_TEXT || k->type == SK_INT || k->type == SK_DATE ||
                     k->type == SK_ENUM || k->type == SK_LANG || k->type == SK_NUMBER ||
                     k->type == SK_COLOUR || k->type == SK_BOOL;
  bool want_seq = k->type == SK_TEXTLIST || k->type == SK_ENUMLIST ||
                  k->type == SK_MAPLIST || k->type == SK_ROWS || k->type == SK_BLOCKS;
  bool want_map = k->type == SK_MAP || k->type == SK_VARS || k->type == SK_RULEMAP;
  const char *want = want_scalar ? "text" : want_seq ? "a list" : want_map ? "a group of keys" : NULL;
  if ((want_scalar && val->kind != SPEC_SCALAR) || (want_seq && val->kind != SPEC_SEQ) ||
      (want_map && val->kind != SPEC_MAP) ||
      (k->type == SK_LINES && val->kind == SPEC_MAP)) {
    verr(v, val, "spec.type", NULL, "'%s' must be %s, not %s", name,
         want ? want : "text or a list of texts", kind_word(val));
    return;
  }
  switch (k->type) {
  case SK_TEXT:
    if (!*val->text.s)
      verr(v, val, "spec.empty", NULL, "'%s' is empty; %s", name, empty_hint(k));
    break;
  case SK_LINES:
    if (val->kind == SPEC_SEQ && val->n == 0)
      verr(v, val, "spec.empty", NULL, "'%s' is an empty list", name);
    if (val->kind == SPEC_SEQ) validate_textlist(v, name, val);
    else if (!*val->text.s)
      verr(v, val, "spec.empty", NULL, "'%s' is empty; %s", name, empty_hint(k));
    break;
  case SK_TEXTLIST:
    if (val->n == 0) verr(v, val, "spec.empty", NULL, "'%s' is an empty list", name);
    validate_textlist(v, name, val);
    break;
  case SK_INT: {
    const char *s = val->text.s;
    bool digits = *s != '\0' && strlen(s) < 6;
    for (const char *p = s; *p; p++) digits = digits && isdigit((unsigned char)*p);
    if (digits && atoi(s) >= k->min && atoi(s) <= k->max) break;
    if (k->min == k->max)
      verr(v, val, "spec.value", NULL, "'%s' must be %d, not '%s'", name, k->min, s);
    else
      verr(v, val, "spec.value", NULL, "'%s' must be a whole number from %d to %d, not '%s'",
           name, k->min, k->max, s);
    break;
  }
  case SK_DATE: {
    int y, m, d;
    if (!strstr(val->text.s, "{{") && !is_iso_date(val->text.s, &y, &m, &d))
      verr(v, val, "spec.value", NULL,
           "'%s' is not a valid date; write it as year-month-day, for example 2026-11-27",
           val->text.s);
    break;
  }
  case SK_NUMBER: {
    char *end;
    double d = strtod(val->text.s, &end);
    if (*end || end == val->text.s || d < k->min || d > k->max)
      verr(v, val, "spec.value", NULL, "'%s' must be a number from %d to %d, not '%s'",
           name, k->min, k->max, val->text.s);
    break;
  }
  case SK_COLOUR: {
    double r, g, b;
    if (!spec_parse_colour(val->text.s, &r, &g, &b))
      verr(v, val, "spec.value", NULL,
           "'%s' is not a colour; write it as \"#RRGGBB\", for example \"#00587C\"",
           val->text.s);
    break;
  }
  case SK_BOOL:
    if (strcmp(val->text.s, "true") != 0 && strcmp(val->text.s, "false") != 0)
      verr(v, val, "spec.value", NULL, "'%s' must be true or false, not '%s'", name, val->text.s);
    break;
  case SK_LANG:
    if (!is_language(val->text.s))
      verr(v, val, "spec.value", NULL,
           "'%s' is not a language code; write a code such as nl, en or tr", val->text.s);
    break;
  case SK_ENUM:
    validate_enum(v, k, name, val);
    break;
  case SK_ENUMLIST:
    for (size_t i = 0; i < val->n; i++) {
      if (val->kids[i]->kind != SPEC_SCALAR)
        verr(v, val->kids[i], "spec.type", NULL, "items of '%s' must be text", name);
      else
        validate_enum(v, k, name, val->kids[i]);
    }
    break;
  case SK_MAP: {
    char what[96];
    snprintf(what, sizeof what, "'%s'", name);
    validate_map(v, k->keys, what, key, val);
    break;
  }
  case SK_MAPLIST: {
    if (val->n == 0) verr(v, val, "spec.empty", NULL, "'%s' is an empty list", name);
    for (size_t i = 0; i < val->n; i++) {
      const struct spec_node *it = val->kids[i];
      char what[96];
      snprintf(what, sizeof what, "item %zu of '%s'", i + 1, name);
      if (it->kind != SPEC_MAP)
        verr(v, it, "spec.type", NULL, "%s must be a group of keys, not %s", what, kind_word(it));
      else
        validate_map(v, k->keys, what, it, it);
    }
    break;
  }
  case SK_ROWS:
    if (val->n == 0) verr(v, val, "spec.empty", NULL, "'%s' is an empty list", name);
    for (size_t i = 0; i < val->n; i++) {
      const struct spec_node *row = val->kids[i];
      if (row->kind != SPEC_SEQ)
        verr(v, row, "spec.type", NULL, "row %zu must be a list of cells, for example "
             "[Uitkering, \"€ 1.250,00\"]", i + 1);
      else
        validate_textlist(v, "row", row);
    }
    break;
  case SK_VARS:
    for (size_t i = 0; i + 1 < val->n; i += 2) {
      const struct spec_node *vk = val->kids[i], *vv = val->kids[i + 1];
      if (!is_var_name(vk->text.s))
        verr(v, vk, "spec.variable", NULL,
             "'%s' is not a valid variable name; use letters, digits and _", vk->text.s);
      if (vv->kind != SPEC_SCALAR)
        verr(v, vv, "spec.type", NULL, "variable '%s' must be text, not %s", vk->text.s,
             kind_word(vv));
    }
    break;
  case SK_BLOCKS:
    validate_blocks(v, val);
    break;
  case SK_RULEMAP:
    validate_rulemap(v, val);
    break;
  }
}

int spec_validate(struct unit *u, const struct spec_node *root, const struct skey *keys,
                  const char *what)
{
  struct vctx v = { u, 0 };
  if (root->kind != SPEC_MAP) {
    verr(&v, root, "spec.type", NULL,
         "%s must be a group of keys (kind:, subject:, ...), not %s", what, kind_word(root));
    return v.errors;
  }
  validate_map(&v, keys, what, NULL, root);
  return v.errors;
}

/* ---- schema paths, for the documentation check ----------------------------- */

static void each_path(const struct skey *keys, const char *prefix,
                      void (*fn)(const char *, void *), void *ctx)
{
  for (const struct skey *k = keys; k->name; k++) {
    char path[256];
    snprintf(path, sizeof path, "%s%s", prefix, k->name);
    fn(path, ctx);
    if (k->keys) {
      char sub[256];
      snprintf(sub, sizeof sub, "%s%s.", prefix, k->name);
      each_path(k->keys, sub, fn, ctx);
    }
    if (k->type == SK_BLOCKS && !*prefix) each_path(spec_block_types, "blocks.", fn, ctx);
  }
}

void spec_schema_each_path(void (*fn)(const char *path, void *ctx), void *ctx)
{
  each_path(spec_letter_keys, "", fn, ctx);
}
