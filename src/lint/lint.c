/* lint.c - running the checks over a letter, in reading order, and
 * comparing the notations of letters linted together. */
#include "lint_int.h"
#include "../model/letter.h"
#include <string.h>

/* The texts a reader reads as prose; names, addresses, numbers and table
 * cells are data, not sentences. */
static const char *const prose[] = {
  "subject", "key-message.title", "key-message.text", "paragraph", "heading", "list",
  "callout.title", "callout.text", "action.title", "action.what", "action.detail",
  "timeline.title", "timeline.step", "timeline.text", "contact.title", "contact.text",
  "table.title",
};

struct walk {
  struct unit            *u;
  const struct lint_data *d;
  const struct lint_cfg  *c;
  struct lint_state      *st;
  struct metrics         *m;
};

/* Data fields read like text but not as sentences: their times, dates and
 * phone numbers still follow the letter's notation. */
static const char *const notation_only[] = {
  "action.when", "action.where", "timeline.date", "contact.phone", "contact.hours",
  "sender.phone", "sender.hours",
};

static void check_one(const struct text *t, const char *where, void *ctx)
{
  struct walk *w = ctx;
  if (!t->s) return;
  for (size_t i = 0; i < G_N_ELEMENTS(notation_only); i++)
    if (!strcmp(where, notation_only[i])) {
      lint_notations(w->u, t, w->st);
      return;
    }
  for (size_t i = 0; i < G_N_ELEMENTS(prose); i++)
    if (!strcmp(where, prose[i])) {
      w->st->title = !strcmp(where, "subject") || !strcmp(where, "heading") ||
                     !strcmp(where, "timeline.step") || g_str_has_suffix(where, ".title");
      lint_text(w->u, w->d, w->c, t, w->st, w->m);
      w->st->title = false;
      return;
    }
}

/* The words of the letter's names and addresses are never misspelt: a
 * street or a surname may stand anywhere in a sentence. */
static void ignore_text(struct lint_state *st, const struct text *t)
{
  if (!t->s) return;
  struct tokens tk;
  tokens_build(&tk, t->s, t->len);
  for (size_t i = 0; i < tk.n; i++)
    if (tk.t[i].kind == TOK_WORD) lint_state_ignore(st, tk.s + tk.t[i].off, tk.t[i].len);
  tokens_free(&tk);
}

static void ignore_list(struct lint_state *st, const struct textlist *tl)
{
  for (size_t i = 0; i < tl->n; i++) ignore_text(st, &tl->items[i]);
}

static void ignore_names(struct lint_state *st, const struct letter *l)
{
  ignore_text(st, &l->recipient.name);
  ignore_text(st, &l->recipient.salutation);
  ignore_list(st, &l->recipient.address);
  ignore_text(st, &l->recipient.city);
  ignore_text(st, &l->recipient.country);
  ignore_text(st, &l->sender.name);
  ignore_text(st, &l->sender.team);
  ignore_text(st, &l->sender.organisation);
  ignore_list(st, &l->sender.address);
  ignore_text(st, &l->signature_name);
  ignore_list(st, &l->ignore_words);
}

/* ---- letters linted together ---------------------------------------------------------- */

struct lint_set {
  struct first_use first[CONS_COUNT];
  GHashTable      *concepts;     /* term index + 1 -> struct first_use* */
};

static void first_use_free(void *p)
{
  first_use_clear(p);
  g_free(p);
}

struct lint_set *lint_set_new(void)
{
  struct lint_set *s = g_new0(struct lint_set, 1);
  for (size_t i = 0; i < CONS_COUNT; i++) s->first[i].cls = -1;
  s->concepts = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, first_use_free);
  return s;
}

void lint_set_free(struct lint_set *s)
{
  if (!s) return;
  for (size_t i = 0; i < CONS_COUNT; i++) first_use_clear(&s->first[i]);
  g_hash_table_destroy(s->concepts);
  g_free(s);
}

static void copy_first(struct first_use *to, const struct first_use *from)
{
  to->cls = from->cls;
  to->shown = g_strdup(from->shown);
  to->file = g_strdup(from->file);
  to->line = from->line;
  to->col = from->col;
}

/* One word for one concept across the letters: the first letter's word
 * for it sets the norm. */
static void compare_concepts(struct unit *u, struct lint_set *set, struct lint_state *st)
{
  GHashTableIter it;
  gpointer key, val;
  g_hash_table_iter_init(&it, st->concepts);
  while (g_hash_table_iter_next(&it, &key, &val)) {
    const struct first_use *lf = val;
    struct first_use *sf = g_hash_table_lookup(set->concepts, key);
    if (!sf) {
      sf = g_new0(struct first_use, 1);
      copy_first(sf, lf);
      g_hash_table_insert(set->concepts, key, sf);
      continue;
    }
    if (sf->cls == lf->cls) continue;
    struct diag *d = diag_text(&u->diags, DIAG_WARNING, "consistency.synonym", lf->t, lf->off,
                               lf->len, NULL,
                               "'%s': the other letters call it '%s' (first used in %s at line %u); "
                               "use one word for one thing", lf->shown, sf->shown, sf->file, sf->line);
    char note[256];
    snprintf(note, sizeof note, "'%s' first used here", sf->shown);
    diag_note_at(&u->diags, d, sf->file, sf->line, sf->col, note);
  }
}

static const struct { const char *rule, *how; } set_rules[CONS_COUNT] = {
  [CONS_ADDRESS] = { "consistency.address", "address the reader as" },
  [CONS_TIME] = { "consistency.time", "write times as" },
  [CONS_DATE] = { "consistency.date", "write dates as" },
  [CONS_CURRENCY] = { "consistency.amount", "write amounts as" },
  [CONS_CENTS] = { "consistency.amount", "write amounts as" },
  [CONS_THOUSANDS] = { "consistency.amount", "write amounts as" },
  [CONS_PHONE] = { "consistency.phone", "write phone numbers as" },
  [CONS_ORGANISATION] = { NULL, NULL },          /* compared with the word list instead */
};

/* The letter's first notation of each kind against the set's: one finding
 * at the letter's first use when they differ. */
static void compare_with_set(struct unit *u, struct lint_set *set, struct lint_state *st)
{
  bool amount_done = false;
  for (size_t i = 0; i < CONS_COUNT; i++) {
    struct first_use *lf = &st->first[i], *sf = &set->first[i];
    if (lf->cls < 0 || !set_rules[i].rule) continue;
    if (sf->cls < 0) {
      copy_first(sf, lf);
      continue;
    }
    bool amount = i == CONS_CURRENCY || i == CONS_CENTS || i == CONS_THOUSANDS;
    if (sf->cls == lf->cls || (amount && amount_done)) continue;
    amount_done = amount_done || amount;
    struct diag *d = diag_text(&u->diags, DIAG_WARNING, set_rules[i].rule, lf->t, lf->off, lf->len,
                               NULL, "'%s': the other letters %s '%s' (first used in %s at line %u)",
                               lf->shown, set_rules[i].how, sf->shown, sf->file, sf->line);
    char note[256];
    snprintf(note, sizeof note, "'%s' first used here", sf->shown);
    diag_note_at(&u->diags, d, sf->file, sf->line, sf->col, note);
  }
}

static bool dutch(const struct letter *l)
{
  return !text_present(&l->language) || !strncmp(l->language.s, "nl", 2);
}

void lint_letter(struct unit *u, const struct lint_data *d, const struct lint_cfg *c,
                 const struct letter *l, struct lint_set *set, struct metrics *m,
                 struct metrics *per_block)
{
  /* The word lists, the dictionary and the B1 measures are Dutch. */
  if (!dutch(l)) return;
  struct lint_state *st = lint_state_new();
  st->every_use = c->every_use;
  ignore_names(st, l);
  struct metrics local = { 0 };
  struct metrics *total = m ? m : &local;
  /* The header texts (subject, key message) in reading order first, then
   * each block on its own so that its figures can be reported. */
  struct metrics head = { 0 };
  struct walk w = { u, d, c, st, &head };
  check_one(&l->subject, "subject", &w);
  check_one(&l->key_title, "key-message.title", &w);
  check_one(&l->key_text, "key-message.text", &w);
  check_one(&l->sender.phone, "sender.phone", &w);
  check_one(&l->sender.hours, "sender.hours", &w);
  metrics_add(total, &head);
  for (size_t i = 0; i < l->nblocks; i++) {
    struct metrics bm = { 0 };
    w.m = &bm;
    letter_block_each_text(&l->blocks[i], check_one, &w);
    metrics_finish(&bm);
    if (per_block) per_block[i] = bm;
    metrics_add(total, &bm);
  }
  metrics_finish(total);
  lint_letter_rules(u, d, c, l, per_block);
  if (set) {
    compare_with_set(u, set, st);
    compare_concepts(u, set, st);
  }
  lint_state_free(st);
}
