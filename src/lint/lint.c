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
  for (size_t i = 0; i < G_N_ELEMENTS(prose); i++)
    if (!strcmp(where, prose[i])) {
      lint_text(w->u, w->d, w->c, t, w->st, w->m);
      return;
    }
}

void lint_letter(struct unit *u, const struct lint_data *d, const struct lint_cfg *c,
                 const struct letter *l, struct metrics *m)
{
  struct lint_state *st = lint_state_new();
  struct metrics local = { 0 };
  struct walk w = { u, d, c, st, m ? m : &local };
  letter_each_text(l, check_one, &w);
  metrics_finish(w.m);
  lint_state_free(st);
}
