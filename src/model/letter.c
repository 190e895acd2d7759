/* letter.c - name tables, the invariant checker, walking and dumping. */
#include "letter.h"
#include <string.h>

const char *const letter_kind_names[KIND_COUNT] = {
  "uitnodiging", "afspraakbevestiging", "beschikking", "verzoek",
  "herinnering", "informatie", "werkplan", "kennismaking", "algemeen",
};
const char *const block_type_names[BLOCK_COUNT] = {
  "paragraph", "heading", "list", "numbered-list", "callout", "action",
  "timeline", "table", "contact", "standard",
};
const char *const callout_style_names[CALLOUT_COUNT] = {
  "info", "warning", "important", "amount", "success",
};
const char *const icon_names[ICON_COUNT] = {
  "none", "calendar", "clock", "location", "document", "id-card", "phone",
  "euro", "warning", "check", "info", "person", "mail",
};
const char *const align_names[ALIGN_COUNT] = { "left", "right", "center" };

int letter_name_index(const char *const *names, size_t n, const char *name)
{
  for (size_t i = 0; i < n; i++)
    if (strcmp(names[i], name) == 0) return (int)i;
  return -1;
}

/* ---- walking ------------------------------------------------------------ */

typedef letter_text_mut_fn text_mut_fn;

static void each_list(struct textlist *tl, const char *where, text_mut_fn fn, void *ctx)
{
  for (size_t i = 0; i < tl->n; i++) fn(&tl->items[i], where, ctx);
}

static void each_block(struct block *b, text_mut_fn fn, void *ctx)
{
  switch (b->type) {
  case BLOCK_PARAGRAPH: fn(&b->as.text, "paragraph", ctx); break;
  case BLOCK_HEADING: fn(&b->as.text, "heading", ctx); break;
  case BLOCK_LIST:
  case BLOCK_NUMBERED_LIST: each_list(&b->as.list, "list", fn, ctx); break;
  case BLOCK_CALLOUT:
    fn(&b->as.callout.title, "callout.title", ctx);
    fn(&b->as.callout.text, "callout.text", ctx);
    break;
  case BLOCK_ACTION:
    fn(&b->as.action.title, "action.title", ctx);
    for (size_t i = 0; i < b->as.action.n; i++) {
      struct action_item *it = &b->as.action.items[i];
      fn(&it->what, "action.what", ctx);
      fn(&it->detail, "action.detail", ctx);
      fn(&it->when, "action.when", ctx);
      fn(&it->where, "action.where", ctx);
      each_list(&it->bring, "action.bring", fn, ctx);
    }
    break;
  case BLOCK_TIMELINE:
    fn(&b->as.timeline.title, "timeline.title", ctx);
    for (size_t i = 0; i < b->as.timeline.n; i++) {
      fn(&b->as.timeline.steps[i].title, "timeline.step", ctx);
      fn(&b->as.timeline.steps[i].date, "timeline.date", ctx);
      fn(&b->as.timeline.steps[i].text, "timeline.text", ctx);
    }
    break;
  case BLOCK_TABLE:
    fn(&b->as.table.title, "table.title", ctx);
    each_list(&b->as.table.columns, "table.column", fn, ctx);
    for (size_t r = 0; r < b->as.table.nrows; r++)
      each_list(&b->as.table.rows[r], "table.cell", fn, ctx);
    break;
  case BLOCK_CONTACT:
    fn(&b->as.contact.title, "contact.title", ctx);
    fn(&b->as.contact.phone, "contact.phone", ctx);
    fn(&b->as.contact.hours, "contact.hours", ctx);
    fn(&b->as.contact.website, "contact.website", ctx);
    fn(&b->as.contact.email, "contact.email", ctx);
    fn(&b->as.contact.text, "contact.text", ctx);
    each_list(&b->as.contact.post, "contact.post", fn, ctx);
    break;
  case BLOCK_STANDARD:
    for (size_t i = 0; i < b->nsub; i++) each_block(&b->sub[i], fn, ctx);
    break;
  case BLOCK_COUNT: break;
  }
}

void letter_each_text_mut(struct letter *l, text_mut_fn fn, void *ctx)
{
  fn(&l->date, "date", ctx);
  fn(&l->reference, "reference", ctx);
  fn(&l->your_reference, "your-reference", ctx);
  fn(&l->urgency, "urgency", ctx);
  fn(&l->sender.name, "sender.name", ctx);
  fn(&l->sender.role, "sender.role", ctx);
  fn(&l->sender.team, "sender.team", ctx);
  fn(&l->sender.organisation, "sender.organisation", ctx);
  fn(&l->sender.phone, "sender.phone", ctx);
  fn(&l->sender.hours, "sender.hours", ctx);
  fn(&l->sender.website, "sender.website", ctx);
  fn(&l->sender.email, "sender.email", ctx);
  each_list(&l->sender.address, "sender.address", fn, ctx);
  fn(&l->recipient.name, "recipient.name", ctx);
  fn(&l->recipient.salutation, "recipient.salutation", ctx);
  each_list(&l->recipient.address, "recipient.address", fn, ctx);
  fn(&l->recipient.postcode, "recipient.postcode", ctx);
  fn(&l->recipient.city, "recipient.city", ctx);
  fn(&l->recipient.country, "recipient.country", ctx);
  fn(&l->subject, "subject", ctx);
  fn(&l->key_title, "key-message.title", ctx);
  fn(&l->key_text, "key-message.text", ctx);
  for (size_t i = 0; i < l->nblocks; i++) each_block(&l->blocks[i], fn, ctx);
  fn(&l->closing, "closing", ctx);
  fn(&l->signature_name, "signature.name", ctx);
  fn(&l->signature_role, "signature.role", ctx);
}

struct const_walk { letter_text_fn fn; void *ctx; };

static void skip_absent(struct text *t, const char *where, void *ctx)
{
  struct const_walk *w = ctx;
  if (t->s) w->fn(t, where, w->ctx);
}

void letter_block_each_text(const struct block *b, letter_text_fn fn, void *ctx)
{
  struct const_walk w = { fn, ctx };
  each_block((struct block *)b, skip_absent, &w);    /* read only, as above */
}

void letter_each_text(const struct letter *l, letter_text_fn fn, void *ctx)
{
  struct const_walk w = { fn, ctx };
  /* The walker is shared with expand/, which rewrites texts in place; here
   * nothing is written, so casting the const away is safe. */
  letter_each_text_mut((struct letter *)l, skip_absent, &w);
}

/* ---- invariants ----------------------------------------------------------- */

static int need(FILE *out, bool ok, const char *what)
{
  if (ok) return 0;
  fprintf(out, "letter_check: %s\n", what);
  return 1;
}

static int check_text_map(const struct text *t, const char *where, FILE *out)
{
  if (!t->s || t->nsegs == 0) return 0;
  int bad = 0;
  bad += need(out, t->segs[0].voff == 0, where);
  for (uint32_t i = 1; i < t->nsegs; i++)
    bad += need(out, t->segs[i].voff > t->segs[i - 1].voff &&
                     t->segs[i].voff <= t->len, where);
  return bad;
}

struct check_ctx { FILE *out; int bad; };

static void check_one(const struct text *t, const char *where, void *ctx)
{
  struct check_ctx *c = ctx;
  c->bad += check_text_map(t, where, c->out);
  c->bad += need(c->out, strlen(t->s) == t->len, where);
}

int letter_check(const struct letter *l, FILE *out)
{
  int bad = 0;
  bad += need(out, l->kind < KIND_COUNT, "kind out of range");
  bad += need(out, text_present(&l->subject), "subject missing");
  bad += need(out, text_present(&l->sender.name), "sender.name missing");
  bad += need(out, text_present(&l->recipient.name), "recipient.name missing");
  bad += need(out, text_present(&l->key_title), "key-message.title missing");
  bad += need(out, l->nblocks > 0, "no blocks");
  for (size_t i = 0; i < l->nblocks; i++) {
    const struct block *b = &l->blocks[i];
    bad += need(out, b->type < BLOCK_COUNT, "block type out of range");
    if (b->type == BLOCK_TIMELINE)
      bad += need(out, b->as.timeline.current <= b->as.timeline.n,
                  "timeline.current out of range");
    if (b->type == BLOCK_TABLE)
      for (size_t r = 0; r < b->as.table.nrows; r++)
        bad += need(out, b->as.table.rows[r].n == b->as.table.columns.n,
                    "table row width differs from columns");
  }
  struct check_ctx c = { out, 0 };
  letter_each_text(l, check_one, &c);
  return bad + c.bad;
}

/* ---- dump ------------------------------------------------------------------ */

static void dump_one(const struct text *t, const char *where, void *ctx)
{
  FILE *out = ctx;
  struct srcloc a = text_loc_start(t);
  fprintf(out, "%u:%u %s = \"", a.line, a.col, where);
  for (const char *p = t->s; *p; p++) {
    if (*p == '\n') fputs("\\n", out);
    else if (*p == '"' || *p == '\\') { fputc('\\', out); fputc(*p, out); }
    else fputc(*p, out);
  }
  fputs("\"\n", out);
}

void letter_dump(const struct letter *l, FILE *out)
{
  fprintf(out, "kind = %s\n", letter_kind_names[l->kind]);
  for (size_t i = 0; i < l->nblocks; i++) {
    const struct block *b = &l->blocks[i];
    struct srcloc a = text_loc_start(&b->key);
    fprintf(out, "%u:%u block[%zu] = %s\n", a.line, a.col, i, block_type_names[b->type]);
  }
  letter_each_text(l, dump_one, out);
}
