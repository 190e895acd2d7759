/* spec_vocab.c - the organisation's word list from YAML (and, through
 * spec_tbx.c, from TBX): validated with positions like a letter spec, then
 * checked for words listed twice, which would make a finding ambiguous. */
#include "spec_int.h"
#include "../model/vocab.h"
#include <glib.h>
#include <string.h>

static const char *str(const struct spec_node *map, const char *key)
{
  const struct spec_node *n = spec_map_get(map, key);
  return n && n->kind == SPEC_SCALAR ? n->text.s : NULL;
}

/* Every listed word once: lower-case word -> the node that listed it. */
struct seen {
  struct unit *u;
  GHashTable  *first;
  int          errors;
};

static void once(struct seen *s, const struct spec_node *n)
{
  char *key = g_utf8_strdown(n->text.s, -1);
  const struct spec_node *prev = g_hash_table_lookup(s->first, key);
  if (prev) {
    struct srcloc at = text_loc_start(&prev->text);
    diag_text(&s->u->diags, DIAG_ERROR, "wordlist.duplicate", &n->text, 0, 0, NULL,
              "'%s' is listed twice (first at line %u); a word belongs to one entry",
              n->text.s, at.line);
    s->errors++;
    g_free(key);
    return;
  }
  g_hash_table_insert(s->first, key, (gpointer)n);
}

static void build_term(struct vocab *v, struct seen *s, const struct spec_node *it)
{
  const struct spec_node *term = spec_map_get(it, "term");
  once(s, term);
  struct vocab_term *t = vocab_add_term(v, term->text.s);
  t->line = text_loc_start(&it->text).line;
  const char *fixed = str(it, "fixed");
  t->fixed = fixed && !strcmp(fixed, "true");
  t->explain = g_strdup(str(it, "explain"));
  t->note = g_strdup(str(it, "note"));
  const struct spec_node *adm = spec_map_get(it, "admitted");
  for (size_t i = 0; adm && i < adm->n; i++) {
    once(s, adm->kids[i]);
    vocab_add_admitted(t, adm->kids[i]->text.s);
  }
  const struct spec_node *avoid = spec_map_get(it, "avoid");
  for (size_t i = 0; avoid && i < avoid->n; i++) {
    const struct spec_node *a = avoid->kids[i];
    once(s, spec_map_get(a, "word"));
    vocab_add_avoid(t, str(a, "word"), str(a, "reason"), str(a, "use"));
  }
}

static struct vocab *build(struct unit *u, const char *path, const struct spec_node *root)
{
  struct vocab *v = vocab_new(path);
  struct seen s = { u, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), 0 };
  const struct spec_node *org = spec_map_get(root, "organisation");
  if (org) {
    v->org_name = g_strdup(str(org, "name"));
    v->org_short = g_strdup(str(org, "short"));
    const struct spec_node *var = spec_map_get(org, "variants");
    for (size_t i = 0; var && i < var->n; i++) {
      once(&s, var->kids[i]);
      vocab_add_org_variant(v, var->kids[i]->text.s);
    }
  }
  const struct spec_node *terms = spec_map_get(root, "terms");
  for (size_t i = 0; i < terms->n; i++) build_term(v, &s, terms->kids[i]);
  const struct spec_node *words = spec_map_get(root, "words");
  for (size_t i = 0; words && i < words->n; i++) vocab_add_word(v, words->kids[i]->text.s);
  g_hash_table_destroy(s.first);
  if (s.errors) {
    vocab_free(v);
    return NULL;
  }
  return v;
}

struct vocab *spec_load_vocab(struct unit *u, const char *path)
{
  if (g_str_has_suffix(path, ".tbx") || g_str_has_suffix(path, ".TBX"))
    return spec_load_tbx(u, path);
  const char *why = NULL;
  struct srcfile *sf = srcfile_load(path, &why);
  if (!sf) {
    diag_file(&u->diags, DIAG_ERROR, "io.read", path, "cannot read the word list: %s", why);
    return NULL;
  }
  const struct spec_node *root = spec_parse_validate(u, sf, spec_vocab_keys, "the word list");
  return root ? build(u, path, root) : NULL;
}
