/* config.c - the built-in settings (see config.h). */
#include "config.h"
#include <string.h>

void lint_cfg_defaults(struct lint_cfg *c)
{
  memset(c, 0, sizeof *c);
  c->sentence_warn = 15;
  c->sentence_error = 25;
  c->clauses_warn = 3;
  c->long_word_syllables = 4;
  c->long_word_letters = 20;
}
