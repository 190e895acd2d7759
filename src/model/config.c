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
  c->block_words = 150;
  c->paragraph_words = 100;
  /* uitnodiging, afspraakbevestiging, beschikking, verzoek, herinnering,
   * informatie, werkplan, kennismaking, algemeen */
  static const unsigned pages[LINT_CFG_KINDS] = { 2, 2, 4, 2, 2, 2, 4, 2, 4 };
  for (int i = 0; i < LINT_CFG_KINDS; i++) c->pages[i] = pages[i];
}
