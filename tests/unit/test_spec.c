/* test_spec.c - loading a spec: which rules fire where, and the letter
 * model built from a valid spec. */
#include "harness.h"
#include "../../src/base/unit.h"
#include "../../src/model/letter.h"
#include "../../src/spec/spec.h"
#include <stdlib.h>

/* Loads SRC; *rc gets spec_load_mem's result. */
static struct unit *load(const char *src, int *rc)
{
  struct unit *u = unit_new();
  *rc = spec_load_mem(u, "t.yaml", src, strlen(src));
  return u;
}

/* How many diagnostics with RULE there are (at LINE:COL unless LINE is 0). */
static int count_rule(const struct unit *u, const char *rule, unsigned line, unsigned col)
{
  int n = 0;
  for (size_t i = 0; i < u->diags.n; i++) {
    const struct diag *d = &u->diags.items[i];
    if (!d->rule_id || strcmp(d->rule_id, rule) != 0) continue;
    if (line && (d->line != line || d->col != col)) continue;
    n++;
  }
  return n;
}

/* The first diagnostic with RULE, or NULL. */
static const struct diag *find_rule(const struct unit *u, const char *rule)
{
  for (size_t i = 0; i < u->diags.n; i++)
    if (u->diags.items[i].rule_id && strcmp(u->diags.items[i].rule_id, rule) == 0)
      return &u->diags.items[i];
  return NULL;
}

/* Prints the diagnostics of a failed case, to make failures readable. */
static void dump_if(bool cond, const struct unit *u)
{
  if (cond) diag_list_print(stderr, &u->diags, false);
}

/* Lines 1-12: everything but the sender. */
#define BASE_NO_SENDER \
  /*  1 */ "kind: uitnodiging\n" \
  /*  2 */ "subject: Uitnodiging voor een gesprek\n" \
  /*  3 */ "recipient:\n" \
  /*  4 */ "  name: J.T. Dekker\n" \
  /*  5 */ "  salutation: Geachte mevrouw Dekker\n" \
  /*  6 */ "  address: Dorpsstraat 1\n" \
  /*  7 */ "  postcode: 1234 AB\n" \
  /*  8 */ "  city: Breda\n" \
  /*  9 */ "key-message:\n" \
  /* 10 */ "  title: U heeft een afspraak\n" \
  /* 11 */ "blocks:\n" \
  /* 12 */ "  - paragraph: Wij nodigen u uit.\n"
/* Lines 13-15: the sender. */
#define SENDER \
  /* 13 */ "sender:\n" \
  /* 14 */ "  name: A. de Boer\n" \
  /* 15 */ "  role: adviseur werk\n"
/* A minimal valid spec of 15 lines; additions start at line 16. */
#define BASE BASE_NO_SENDER SENDER

static void valid_specs(void)
{
  int rc;
  struct unit *u;

  CASE("spec: the minimal valid spec");
  u = load(BASE, &rc);
  INT_EQ(rc, 0);
  INT_EQ(u->diags.n, 0);
  dump_if(u->diags.n != 0, u);
  OK(u->letter != NULL);
  if (u->letter) {
    INT_EQ(letter_check(u->letter, stderr), 0);
    INT_EQ(u->letter->kind, KIND_UITNODIGING);
    INT_EQ(u->letter->nblocks, 1);
    INT_EQ(u->letter->blocks[0].type, BLOCK_PARAGRAPH);
    STR_EQ(u->letter->blocks[0].as.text.s, "Wij nodigen u uit.");
    STR_EQ(u->letter->sender.role.s, "adviseur werk");
    INT_EQ(u->letter->recipient.address.n, 1);
    OK(!text_present(&u->letter->closing));
    OK(!text_present(&u->letter->date));
    INT_EQ(u->letter->year, 0);
    INT_EQ(u->letter->nvars, 0);
    OK(u->src != NULL && u->letter->file == u->src);
  }
  unit_free(u);

  CASE("spec: the minimal valid spec saved with a UTF-8 BOM (Windows editors)");
  u = load("\xEF\xBB\xBF" BASE, &rc);
  INT_EQ(rc, 0);
  INT_EQ(u->diags.n, 0);
  OK(u->letter != NULL);
  if (u->letter) {
    struct srcloc kl = text_loc_start(&u->letter->kind_text);   /* "kind: " -> col 7 */
    INT_EQ(kl.line, 1);
    INT_EQ(kl.col, 7);
  }
  unit_free(u);

  CASE("spec: a \\0 escape must not give a letter that breaks letter_check");
  /* "\0" decodes to a NUL byte: the value's len then counts bytes that C
   * strings never see. Either the spec is refused, or the model is valid
   * (pipeline_load aborts when letter_check fails). */
  u = load(BASE /* 16 */ "closing: \"Met\\0 groet\"\n", &rc);
  OK(rc != 0 || (u->letter && letter_check(u->letter, stderr) == 0));
  OK(rc != 0 || strlen(u->letter->closing.s) == u->letter->closing.len);
  OK(rc != 0 || u->diags.n == 0);
  OK(rc == 0 || diag_list_has_errors(&u->diags));
  unit_free(u);

  CASE("spec: a full spec with every block type");
  static const char full[] =
    /*  1 */ "version: 1\n"
    /*  2 */ "kind: beschikking\n"
    /*  3 */ "language: nl\n"
    /*  4 */ "date: 2028-02-29\n"
    /*  5 */ "reference: WB-1\n"
    /*  6 */ "subject: Besluit over uw uitkering\n"    /* value at col 10 */
    /*  7 */ "sender:\n"
    /*  8 */ "  name: A. de Boer\n"
    /*  9 */ "  role: adviseur\n"
    /* 10 */ "  address:\n"
    /* 11 */ "    - Postbus 1\n"
    /* 12 */ "    - 1000 AB  Amsterdam\n"
    /* 13 */ "recipient:\n"
    /* 14 */ "  name: J. Dekker\n"
    /* 15 */ "  salutation: Beste mevrouw Dekker\n"
    /* 16 */ "  address: [Dorpsstraat 1, Achterom 2]\n"
    /* 17 */ "  postcode: 1234 AB\n"
    /* 18 */ "  city: Breda\n"
    /* 19 */ "key-message:\n"
    /* 20 */ "  title: U krijgt een uitkering\n"
    /* 21 */ "  text: Vanaf 1 maart.\n"
    /* 22 */ "blocks:\n"
    /* 23 */ "  - heading: Wat hebben we besloten?\n"
    /* 24 */ "  - timeline:\n"                           /* key at col 5 */
    /* 25 */ "      current: 2\n"
    /* 26 */ "      steps:\n"
    /* 27 */ "        - title: Aanvraag\n"
    /* 28 */ "        - title: Besluit\n"
    /* 29 */ "          date: 28 februari\n"
    /* 30 */ "        - title: Betaling\n"
    /* 31 */ "  - table:\n"
    /* 32 */ "      columns: [Maand, Bedrag, Status]\n"
    /* 33 */ "      align: [left, right, center]\n"
    /* 34 */ "      rows:\n"
    /* 35 */ "        - [Maart, \"\xE2\x82\xAC 1.250,00\", betaald]\n"
    /* 36 */ "        - [April, \"\xE2\x82\xAC 1.250,00\", open]\n"
    /* 37 */ "  - callout:\n"
    /* 38 */ "      style: amount\n"
    /* 39 */ "      icon: euro\n"
    /* 40 */ "      text: U krijgt \xE2\x82\xAC 1.250,00 per maand.\n"
    /* 41 */ "  - list:\n"
    /* 42 */ "      - een\n"
    /* 43 */ "      - twee\n"
    /* 44 */ "  - action:\n"
    /* 45 */ "      items:\n"
    /* 46 */ "        - what: Lees de brief.\n"
    /* 47 */ "          icon: document\n"
    /* 48 */ "          bring: paspoort\n"
    /* 49 */ "closing: Met vriendelijke groet,\n"
    /* 50 */ "signature:\n"
    /* 51 */ "  name: B. Jansen\n";
  u = load(full, &rc);
  INT_EQ(rc, 0);
  INT_EQ(u->diags.n, 0);
  dump_if(u->diags.n != 0, u);
  OK(u->letter != NULL);
  if (u->letter) {
    const struct letter *l = u->letter;
    INT_EQ(letter_check(l, stderr), 0);
    INT_EQ(l->kind, KIND_BESCHIKKING);
    STR_EQ(l->kind_text.s, "beschikking");
    STR_EQ(l->language.s, "nl");
    INT_EQ(l->year, 2028);
    INT_EQ(l->month, 2);
    INT_EQ(l->day, 29);
    struct srcloc sl = text_loc_start(&l->subject);
    INT_EQ(sl.line, 6);
    INT_EQ(sl.col, 10);
    INT_EQ(l->sender.address.n, 2);
    STR_EQ(l->sender.address.items[1].s, "1000 AB  Amsterdam");
    INT_EQ(l->recipient.address.n, 2);
    STR_EQ(l->recipient.address.items[1].s, "Achterom 2");
    STR_EQ(l->key_text.s, "Vanaf 1 maart.");
    INT_EQ(l->nblocks, 6);
    if (l->nblocks == 6) {
      const struct block *b = l->blocks;
      INT_EQ(b[0].type, BLOCK_HEADING);
      STR_EQ(b[0].as.text.s, "Wat hebben we besloten?");

      INT_EQ(b[1].type, BLOCK_TIMELINE);
      struct srcloc kl = text_loc_start(&b[1].key);
      INT_EQ(kl.line, 24);
      INT_EQ(kl.col, 5);
      INT_EQ(b[1].as.timeline.current, 2);
      INT_EQ(b[1].as.timeline.n, 3);
      OK(!text_present(&b[1].as.timeline.title));
      STR_EQ(b[1].as.timeline.steps[1].title.s, "Besluit");
      STR_EQ(b[1].as.timeline.steps[1].date.s, "28 februari");
      OK(!text_present(&b[1].as.timeline.steps[0].date));

      INT_EQ(b[2].type, BLOCK_TABLE);
      INT_EQ(b[2].as.table.columns.n, 3);
      STR_EQ(b[2].as.table.columns.items[2].s, "Status");
      INT_EQ(b[2].as.table.align[0], ALIGN_LEFT);
      INT_EQ(b[2].as.table.align[1], ALIGN_RIGHT);
      INT_EQ(b[2].as.table.align[2], ALIGN_CENTER);
      INT_EQ(b[2].as.table.nrows, 2);
      STR_EQ(b[2].as.table.rows[0].items[1].s, "\xE2\x82\xAC 1.250,00");
      STR_EQ(b[2].as.table.rows[1].items[2].s, "open");

      INT_EQ(b[3].type, BLOCK_CALLOUT);
      INT_EQ(b[3].as.callout.style, CALLOUT_AMOUNT);
      INT_EQ(b[3].as.callout.icon, ICON_EURO);
      OK(!text_present(&b[3].as.callout.title));

      INT_EQ(b[4].type, BLOCK_LIST);
      INT_EQ(b[4].as.list.n, 2);
      STR_EQ(b[4].as.list.items[1].s, "twee");

      INT_EQ(b[5].type, BLOCK_ACTION);
      INT_EQ(b[5].as.action.n, 1);
      INT_EQ(b[5].as.action.items[0].icon, ICON_DOCUMENT);
      INT_EQ(b[5].as.action.items[0].bring.n, 1);
      STR_EQ(b[5].as.action.items[0].bring.items[0].s, "paspoort");
    }
    STR_EQ(l->closing.s, "Met vriendelijke groet,");
    STR_EQ(l->signature_name.s, "B. Jansen");
    OK(!text_present(&l->signature_role));
  }
  unit_free(u);

  CASE("spec: a table without align is left-aligned; icons default to none");
  u = load(BASE_NO_SENDER SENDER
           /* 16 */ "closing: Groet\n", &rc);
  INT_EQ(rc, 0);
  unit_free(u);
  u = load("kind: informatie\nsubject: S\n" SENDER
           "recipient: {name: N, salutation: S, address: A, postcode: P, city: C}\n"
           "key-message: {title: T}\n"
           "blocks:\n"
           "  - table: {columns: [a, b], rows: [[1, 2]]}\n"
           "  - callout: {text: Let op}\n", &rc);
  INT_EQ(rc, 0);
  dump_if(rc != 0, u);
  if (u->letter && u->letter->nblocks == 2) {
    INT_EQ(u->letter->blocks[0].as.table.align[0], ALIGN_LEFT);
    INT_EQ(u->letter->blocks[0].as.table.align[1], ALIGN_LEFT);
    INT_EQ(u->letter->blocks[1].as.callout.style, CALLOUT_INFO);
    INT_EQ(u->letter->blocks[1].as.callout.icon, ICON_NONE);
    INT_EQ(u->letter->kind, KIND_INFORMATIE);
  } else {
    OK(0 && "letter with 2 blocks");
  }
  unit_free(u);
}

static void rule_cases(void)
{
  int rc;
  struct unit *u;
  const struct diag *d;

  CASE("spec: unknown top-level key, with a suggestion");
  u = load(BASE /* 16 */ "subjekt: Extra\n", &rc);
  INT_EQ(rc, -1);
  OK(u->letter == NULL);
  INT_EQ(u->diags.n, 1);
  INT_EQ(count_rule(u, "spec.unknown-key", 16, 1), 1);
  d = find_rule(u, "spec.unknown-key");
  STR_EQ(d ? d->suggestion : NULL, "subject");
  OK(d && d->severity == DIAG_ERROR);
  OK(d && d->end_line == 16 && d->end_col == 8);     /* under "subjekt" */
  unit_free(u);

  CASE("spec: unknown top-level key without a near miss");
  u = load(BASE /* 16 */ "colour: red\n", &rc);
  INT_EQ(count_rule(u, "spec.unknown-key", 16, 1), 1);
  d = find_rule(u, "spec.unknown-key");
  OK(d && d->suggestion == NULL);
  unit_free(u);

  CASE("spec: unknown nested key");
  u = load(BASE_NO_SENDER
           /* 13 */ "sender:\n"
           /* 14 */ "  name: A. de Boer\n"
           /* 15 */ "  role: adviseur\n"
           /* 16 */ "  emial: a@b.nl\n", &rc);
  INT_EQ(rc, -1);
  INT_EQ(u->diags.n, 1);
  INT_EQ(count_rule(u, "spec.unknown-key", 16, 3), 1);
  d = find_rule(u, "spec.unknown-key");
  STR_EQ(d ? d->suggestion : NULL, "email");
  unit_free(u);

  CASE("spec: wrong type (a group where text belongs, a list where text belongs)");
  u = load(BASE_NO_SENDER
           /* 13 */ "sender: A. de Boer\n", &rc);      /* value at col 9 */
  INT_EQ(rc, -1);
  INT_EQ(count_rule(u, "spec.type", 13, 9), 1);
  unit_free(u);
  u = load(BASE
           /* 16 */ "closing:\n"
           /* 17 */ "  - Met\n"                        /* the list starts at its '-' */
           /* 18 */ "  - groet\n", &rc);
  INT_EQ(rc, -1);
  INT_EQ(count_rule(u, "spec.type", 17, 3), 1);
  d = find_rule(u, "spec.type");
  OK(d && strstr(d->message, "'closing'") != NULL);
  unit_free(u);

  CASE("spec: missing required top-level key is reported at 1:1");
  u = load(/* 1 */ "# Een brief\n"
           /* 2 */ "kind: uitnodiging\n"
           /* 3 */ "recipient:\n"
           /* 4 */ "  name: J.T. Dekker\n"
           /* 5 */ "  salutation: Geachte mevrouw Dekker\n"
           /* 6 */ "  address: Dorpsstraat 1\n"
           /* 7 */ "  postcode: 1234 AB\n"
           /* 8 */ "  city: Breda\n"
           /* 9 */ "key-message:\n"
           /* 10 */ "  title: U heeft een afspraak\n"
           /* 11 */ "blocks:\n"
           /* 12 */ "  - paragraph: Wij nodigen u uit.\n"
           SENDER, &rc);                              /* no subject */
  INT_EQ(rc, -1);
  INT_EQ(u->diags.n, 1);
  INT_EQ(count_rule(u, "spec.missing", 1, 1), 1);
  d = find_rule(u, "spec.missing");
  OK(d && strstr(d->message, "'subject'") != NULL);
  unit_free(u);

  CASE("spec: missing nested key points at its owner");
  u = load(BASE_NO_SENDER
           /* 13 */ "sender:\n"
           /* 14 */ "  name: A. de Boer\n", &rc);     /* no role */
  INT_EQ(rc, -1);
  INT_EQ(count_rule(u, "spec.missing", 13, 1), 1);
  d = find_rule(u, "spec.missing");
  OK(d && strstr(d->message, "'role'") != NULL);
  unit_free(u);

  CASE("spec: duplicate key points at the second occurrence");
  u = load(BASE /* 16 */ "subject: Tweede onderwerp\n", &rc);
  INT_EQ(count_rule(u, "spec.duplicate-key", 16, 1), 1);
  d = find_rule(u, "spec.duplicate-key");
  OK(d && strstr(d->message, "line 2") != NULL);
  OK(d && d->severity == DIAG_ERROR);
  /* An error in the spec: no letter (spec.h: -1 when the file had errors). */
  INT_EQ(rc, -1);
  OK(u->letter == NULL);
  unit_free(u);
  u = load(BASE_NO_SENDER
           /* 13 */ "sender:\n"
           /* 14 */ "  name: A. de Boer\n"
           /* 15 */ "  role: adviseur\n"
           /* 16 */ "  name: B. de Boer\n", &rc);     /* nested duplicate */
  INT_EQ(count_rule(u, "spec.duplicate-key", 16, 3), 1);
  INT_EQ(rc, -1);
  unit_free(u);

  CASE("spec: aliases are refused");
  u = load(BASE
           /* 16 */ "closing: &groet Met groet\n"    /* an anchor alone is fine */
           /* 17 */ "urgency: *groet\n", &rc);       /* '*' at col 10 */
  INT_EQ(rc, -1);
  OK(u->letter == NULL);
  INT_EQ(u->diags.n, 1);
  INT_EQ(count_rule(u, "spec.alias", 17, 10), 1);
  d = find_rule(u, "spec.alias");
  OK(d && strstr(d->message, "*groet") != NULL);
  unit_free(u);

  CASE("spec: nesting depth limit");
  {
    /* "a: " then 32 '[': the root map is level 1, so '[' number 32 (at
     * col 3 + 32 = 35) would be level 33. */
    char deep[200];
    strcpy(deep, "a: ");
    for (int i = 0; i < 32; i++) strcat(deep, "[");
    for (int i = 0; i < 32; i++) strcat(deep, "]");
    strcat(deep, "\n");
    u = load(deep, &rc);
    INT_EQ(rc, -1);
    INT_EQ(count_rule(u, "spec.limit", 1, 35), 1);
    INT_EQ(count_rule(u, "spec.limit", 0, 0), 1);
    unit_free(u);
    /* 31 levels of lists is allowed (other errors follow, but no limit). */
    strcpy(deep, "a: ");
    for (int i = 0; i < 31; i++) strcat(deep, "[");
    for (int i = 0; i < 31; i++) strcat(deep, "]");
    strcat(deep, "\n");
    u = load(deep, &rc);
    INT_EQ(rc, -1);
    INT_EQ(count_rule(u, "spec.limit", 0, 0), 0);
    INT_EQ(count_rule(u, "spec.unknown-key", 1, 1), 1);
    unit_free(u);
  }

  CASE("spec: invalid enum value with a suggestion");
  u = load("kind: uitnodigin\n"                  /* value at col 7 */
           "subject: S\n" SENDER
           "recipient: {name: N, salutation: S, address: A, postcode: P, city: C}\n"
           "key-message: {title: T}\n"
           "blocks: [paragraph: x]\n", &rc);
  INT_EQ(rc, -1);
  INT_EQ(count_rule(u, "spec.value", 1, 7), 1);
  d = find_rule(u, "spec.value");
  STR_EQ(d ? d->suggestion : NULL, "uitnodiging");
  unit_free(u);

  CASE("spec: table and timeline consistency");
  u = load(BASE
           /* 16 */ "closing: x\n"
           /* 17 */ "signature:\n"
           /* 18 */ "  name: y\n", &rc);
  INT_EQ(rc, 0);
  unit_free(u);
  u = load("kind: informatie\nsubject: S\n" SENDER                  /* lines 1-5 */
           "recipient: {name: N, salutation: S, address: A, postcode: P, city: C}\n" /* 6 */
           "key-message: {title: T}\n"                                /* 7 */
           "blocks:\n"                                                /* 8 */
           "  - table:\n"                                             /* 9 */
           "      columns: [a, b]\n"                                  /* 10 */
           "      rows:\n"                                            /* 11 */
           "        - [1, 2, 3]\n"                                    /* 12: '[' at col 11 */
           "  - timeline:\n"                                          /* 13 */
           "      current: 3\n"                                       /* 14: '3' at col 16 */
           "      steps: [{title: a}, {title: b}]\n", &rc);           /* 15 */
  INT_EQ(rc, -1);
  INT_EQ(count_rule(u, "spec.value", 12, 11), 1);
  INT_EQ(count_rule(u, "spec.value", 14, 16), 1);
  INT_EQ(u->diags.n, 2);
  dump_if(u->diags.n != 2, u);
  unit_free(u);

  CASE("spec: syntax, encoding and empty files");
  u = load("kind: uitnodiging\n\tsubject: x\n", &rc);     /* tab at 2:1 */
  INT_EQ(rc, -1);
  INT_EQ(count_rule(u, "spec.tab", 2, 1), 1);
  unit_free(u);
  u = load("kind: caf\xE9\n", &rc);                      /* Latin-1 é at col 10 */
  INT_EQ(rc, -1);
  INT_EQ(count_rule(u, "spec.encoding", 1, 10), 1);
  unit_free(u);
  u = load("kind: x\nsubject: y\xC3\xA9\xFF\n", &rc);    /* y 10, é 11, 0xFF at 2:12 */
  INT_EQ(count_rule(u, "spec.encoding", 2, 12), 1);
  unit_free(u);
  u = load("", &rc);
  INT_EQ(rc, -1);
  INT_EQ(count_rule(u, "spec.empty", 1, 1), 1);
  unit_free(u);
  u = load("# alleen commentaar\n", &rc);
  INT_EQ(count_rule(u, "spec.empty", 1, 1), 1);
  unit_free(u);
  u = load("a: 1\n---\nb: 2\n", &rc);                    /* second document */
  INT_EQ(rc, -1);
  INT_EQ(count_rule(u, "spec.syntax", 2, 1), 1);
  unit_free(u);
  u = load("- kind\n- subject\n", &rc);                  /* not a mapping */
  INT_EQ(rc, -1);
  INT_EQ(count_rule(u, "spec.type", 1, 1), 1);
  unit_free(u);
  u = load("kind: [a\nsubject: b\n", &rc);               /* unclosed flow list */
  INT_EQ(rc, -1);
  OK(count_rule(u, "spec.syntax", 0, 0) >= 1);
  OK(u->letter == NULL);
  unit_free(u);
}

struct walk { int n; int subject_at, city_at, closing_at; char first[3][32]; };

static void walk_fn(const struct text *t, const char *where, void *ctx)
{
  struct walk *w = ctx;
  if (w->n < 3) snprintf(w->first[w->n], sizeof w->first[w->n], "%s", where);
  if (!strcmp(where, "subject")) w->subject_at = w->n;
  if (!strcmp(where, "recipient.city")) w->city_at = w->n;
  if (!strcmp(where, "closing")) w->closing_at = w->n;
  OK(t->s != NULL);                        /* absent texts are skipped */
  w->n++;
}

static void walking(void)
{
  CASE("letter_each_text: every present text, in reading order");
  int rc;
  struct unit *u = load(BASE
                        /* 16 */ "date: 2026-11-27\n"
                        /* 17 */ "closing: Groet\n", &rc);
  INT_EQ(rc, 0);
  if (u->letter) {
    struct walk w = { 0, -1, -1, -1, { "", "", "" } };
    letter_each_text(u->letter, walk_fn, &w);
    /* date, sender name+role, recipient name, salutation, address,
     * postcode, city, subject, key title, paragraph, closing = 12 */
    INT_EQ(w.n, 12);
    STR_EQ(w.first[0], "date");
    STR_EQ(w.first[1], "sender.name");
    STR_EQ(w.first[2], "sender.role");
    OK(w.city_at >= 0 && w.subject_at > w.city_at);
    INT_EQ(w.closing_at, 11);
  }
  unit_free(u);
}

void test_spec(void);
void test_spec(void)
{
  valid_specs();
  rule_cases();
  walking();
}
