/* lint.c - running the checks over a letter, in reading order. */
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

static void check_one(const struct text *t, const char *where, void *ctx)
{
  struct walk *w = ctx;
  if (!t->s) return;
  for (size_t i = 0; i < G_N_ELEMENTS(prose); i++)
    if (!strcmp(where, prose[i])) {
      lint_text(w->u, w->d, w->c, t, w->st, w->m);
      return;
    }
}

void lint_letter(struct unit *u, const struct lint_data *d, const struct lint_cfg *c,
                 const struct letter *l, struct metrics *m, struct metrics *per_block)
{
  struct lint_state *st = lint_state_new();
  struct metrics local = { 0 };
  struct metrics *total = m ? m : &local;
  /* The header texts (subject, key message) in reading order first, then
   * each block on its own so that its figures can be reported. */
  struct metrics head = { 0 };
  struct walk w = { u, d, c, st, &head };
  check_one(&l->subject, "subject", &w);
  check_one(&l->key_title, "key-message.title", &w);
  check_one(&l->key_text, "key-message.text", &w);
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
  lint_state_free(st);
}
