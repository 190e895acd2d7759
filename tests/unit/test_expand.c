/* test_expand.c - {{ variables }}: values, positions after substitution,
 * undefined and malformed variables. */
#include "harness.h"
#include <glib.h>
#include "../../src/base/unit.h"
#include "../../src/expand/expand_int.h"
#include "../../src/model/letter.h"
#include "../../src/spec/spec.h"

/* Source columns are counted in the comments:
 *  line 2  "subject: Gesprek met {{ naam }} over werk"
 *          subject 1-7 :8 _9 Gesprek 10-16 _17 met 18-20 _21 {{ 22-23 _24
 *          naam 25-28 _29 }} 30-31 _32 over 33-36 _37 werk 38-41
 *  line 7  "  name: \"{{ naam }}\""         " 9, {{ 10
 *  line 8  "  salutation: Beste {{aanhef}}, welkom"
 *          salutation 3-12 :13 _14 Beste 15-19 _20 {{ 21-22 aanhef 23-28
 *          }} 29-30 , 31 _32 welkom 33-38
 *  line 16 "      Wij zien u in {{ plaats }} op"
 *          Wij 7-9 _10 zien 11-14 _15 u 16 _17 in 18-19 _20 {{ 21-22 _23
 *          plaats 24-29 _30 }} 31-32 _33 op 34-35
 *  line 17 "      {{ datum }} om tien uur."
 *          {{ 7-8 _9 datum 10-14 _15 }} 16-17 _18 om 19-20 _21 tien 22-25
 *          _26 uur. 27-30 */
#define SPEC_HEAD \
  /*  1 */ "kind: uitnodiging\n"
#define SPEC_TAIL \
  /*  3 */ "sender:\n" \
  /*  4 */ "  name: A. de Boer\n" \
  /*  5 */ "  role: adviseur\n" \
  /*  6 */ "recipient:\n" \
  /*  7 */ "  name: \"{{ naam }}\"\n" \
  /*  8 */ "  salutation: Beste {{aanhef}}, welkom\n" \
  /*  9 */ "  address: Dorpsstraat 1\n" \
  /* 10 */ "  postcode: 1234 AB\n" \
  /* 11 */ "  city: \"{{ plaats }}\"\n" \
  /* 12 */ "key-message:\n" \
  /* 13 */ "  title: Afspraak\n" \
  /* 14 */ "blocks:\n" \
  /* 15 */ "  - paragraph: >\n" \
  /* 16 */ "      Wij zien u in {{ plaats }} op\n" \
  /* 17 */ "      {{ datum }} om tien uur.\n" \
  /* 18 */ "variables:\n" \
  /* 19 */ "  naam: J. Dekker\n" \
  /* 20 */ "  aanhef: mevrouw Dekker\n" \
  /* 21 */ "  plaats: Breda\n" \
  /* 22 */ "  datum: 9 december\n"

static struct unit *load(const char *src)
{
  struct unit *u = unit_new();
  if (spec_load_mem(u, "e.yaml", src, strlen(src)) != 0) {
    diag_list_print(stderr, &u->diags, false);
    u->letter = NULL;
  }
  return u;
}

static struct srcloc word_loc(const struct text *t, const char *word)
{
  struct srcloc none = { NULL, 0, 0 };
  const char *p = t && t->s ? strstr(t->s, word) : NULL;
  return p ? text_locate(t, (size_t)(p - t->s)) : none;
}

#define WORD_AT(t, word, l, c) do { \
    struct srcloc wl_ = word_loc((t), (word)); \
    INT_EQ(wl_.line, (l)); INT_EQ(wl_.col, (c)); \
  } while (0)

static int count_rule(const struct unit *u, const char *rule)
{
  int n = 0;
  for (size_t i = 0; i < u->diags.n; i++)
    if (u->diags.items[i].rule_id && !strcmp(u->diags.items[i].rule_id, rule)) n++;
  return n;
}

static const struct diag *find_rule(const struct unit *u, const char *rule)
{
  for (size_t i = 0; i < u->diags.n; i++)
    if (u->diags.items[i].rule_id && !strcmp(u->diags.items[i].rule_id, rule))
      return &u->diags.items[i];
  return NULL;
}

static const struct expand_opts no_opts = { NULL, 0, NULL, NULL, 0, false };

static void substitution(void)
{
  struct unit *u;

  CASE("expand: values from variables:");
  u = load(SPEC_HEAD
           /* 2 */ "subject: Gesprek met {{ naam }} over werk\n"
           SPEC_TAIL);
  OK(u->letter != NULL);
  if (u->letter) {
    struct letter *l = u->letter;
    INT_EQ(expand_letter(u, &no_opts), 0);
    INT_EQ(u->diags.n, 0);
    INT_EQ(letter_check(l, stderr), 0);
    STR_EQ(l->subject.s, "Gesprek met J. Dekker over werk");
    INT_EQ(l->subject.len, strlen("Gesprek met J. Dekker over werk"));
    STR_EQ(l->recipient.name.s, "J. Dekker");
    STR_EQ(l->recipient.salutation.s, "Beste mevrouw Dekker, welkom");
    STR_EQ(l->recipient.city.s, "Breda");
    STR_EQ(l->blocks[0].as.text.s, "Wij zien u in Breda op 9 december om tien uur.\n");

    CASE("expand: positions before, inside and after a substituted value");
    WORD_AT(&l->subject, "Gesprek", 2, 10);
    WORD_AT(&l->subject, "J.", 2, 22);           /* inside: the placeholder */
    WORD_AT(&l->subject, "Dekker", 2, 22);
    WORD_AT(&l->subject, "over", 2, 33);         /* after: the template text */
    WORD_AT(&l->subject, "werk", 2, 38);
    WORD_AT(&l->recipient.name, "Dekker", 7, 10);
    WORD_AT(&l->recipient.salutation, "Beste", 8, 15);
    WORD_AT(&l->recipient.salutation, "mevrouw", 8, 21);
    WORD_AT(&l->recipient.salutation, ",", 8, 31);
    WORD_AT(&l->recipient.salutation, "welkom", 8, 33);
    WORD_AT(&l->recipient.city, "Breda", 11, 10);
    /* In a folded block, across lines. */
    const struct text *p = &l->blocks[0].as.text;
    WORD_AT(p, "zien", 16, 11);
    WORD_AT(p, "Breda", 16, 21);
    WORD_AT(p, "op", 16, 34);
    WORD_AT(p, "december", 17, 7);
    WORD_AT(p, "om", 17, 19);
    WORD_AT(p, "tien", 17, 22);
    WORD_AT(p, "uur", 17, 27);
    struct srcloc e = text_loc_end(&l->subject);
    INT_EQ(e.line, 2);
    INT_EQ(e.col, 42);
  }
  unit_free(u);

  CASE("expand: opts names/values win over variables:");
  u = load(SPEC_HEAD
           /* 2 */ "subject: Gesprek met {{ naam }} over werk\n"
           SPEC_TAIL);
  if (u->letter) {
    const char *names[] = { "plaats", "extra" };
    const char *values[] = { "Bergen op Zoom", "ongebruikt" };
    struct expand_opts o = { NULL, 0, names, values, 2, false };
    INT_EQ(expand_letter(u, &o), 0);
    const struct text *p = &u->letter->blocks[0].as.text;
    STR_EQ(u->letter->recipient.city.s, "Bergen op Zoom");
    STR_EQ(p->s, "Wij zien u in Bergen op Zoom op 9 december om tien uur.\n");
    /* The first "op" is inside the value now; " op 9" is the template's. */
    WORD_AT(p, "Zoom", 16, 21);
    WORD_AT(p, "op Zoom", 16, 21);
    WORD_AT(p, " op 9", 16, 33);
    WORD_AT(p, "tien", 17, 22);
    STR_EQ(u->letter->subject.s, "Gesprek met J. Dekker over werk");
  } else {
    OK(0 && "spec loaded");
  }
  unit_free(u);

  CASE("expand: an empty value, and two placeholders side by side");
  u = load(SPEC_HEAD
           /* 2 */ "subject: \"{{ naam }}{{leeg}}{{ naam }}!\"\n"
           /*        subject 1-7 :8 _9 "10 {{ 11-12 _13 naam 14-17 _18 }} 19-20
            *        {{ 21-22 leeg 23-26 }} 27-28 {{ 29-30 _31 naam 32-35 _36 }} 37-38 ! 39 */
           SPEC_TAIL);
  if (u->letter) {
    const char *names[] = { "leeg" };
    const char *values[] = { "" };
    struct expand_opts o = { NULL, 0, names, values, 1, false };
    INT_EQ(expand_letter(u, &o), 0);
    const struct text *s = &u->letter->subject;
    STR_EQ(s->s, "J. DekkerJ. Dekker!");
    struct srcloc a = text_locate(s, 0), b = text_locate(s, 9), c = text_locate(s, 18);
    INT_EQ(a.col, 11);
    INT_EQ(b.col, 29);
    INT_EQ(c.col, 39);
    INT_EQ(letter_check(u->letter, stderr), 0);
  } else {
    OK(0 && "spec loaded");
  }
  unit_free(u);

  CASE("expand: a date from a variable");
  u = load(SPEC_HEAD
           /* 2 */ "subject: S\n"
           "date: \"{{ datum_iso }}\"\n"
           SPEC_TAIL);
  if (u->letter) {
    const char *names[] = { "datum_iso" };
    const char *values[] = { "2026-12-09" };
    struct expand_opts o = { NULL, 0, names, values, 1, false };
    INT_EQ(expand_letter(u, &o), 0);
    INT_EQ(u->letter->year, 2026);
    INT_EQ(u->letter->month, 12);
    INT_EQ(u->letter->day, 9);
  } else {
    OK(0 && "spec loaded");
  }
  unit_free(u);
  u = load(SPEC_HEAD "subject: S\n" "date: \"{{ datum_iso }}\"\n" SPEC_TAIL);
  if (u->letter) {
    const char *names[] = { "datum_iso" };
    const char *values[] = { "2026-02-30" };
    struct expand_opts o = { NULL, 0, names, values, 1, false };
    INT_EQ(expand_letter(u, &o), -1);
    INT_EQ(count_rule(u, "spec.value"), 1);
  } else {
    OK(0 && "spec loaded");
  }
  unit_free(u);
}

static void errors(void)
{
  struct unit *u;
  const struct diag *d;

  CASE("expand: undefined variable, with a suggestion");
  u = load(SPEC_HEAD
           /* 2 */ "subject: Gesprek met {{ nam }} over werk\n"
           /*        {{ 22-23 _24 nam 25-27 _28 }} 29-30: "{{ nam }}" is cols 22-30 */
           SPEC_TAIL);
  if (u->letter) {
    INT_EQ(expand_letter(u, &no_opts), -1);
    INT_EQ(count_rule(u, "spec.variable"), 1);
    d = find_rule(u, "spec.variable");
    OK(d != NULL);
    if (d) {
      STR_EQ(d->suggestion, "naam");
      INT_EQ(d->line, 2);
      INT_EQ(d->col, 22);
      INT_EQ(d->end_line, 2);
      INT_EQ(d->end_col, 31);
      OK(strstr(d->message, "'nam'") != NULL);
      OK(d->severity == DIAG_ERROR);
    }
  } else {
    OK(0 && "spec loaded");
  }
  unit_free(u);

  CASE("expand: undefined variable, suggestion from the opts names");
  u = load(SPEC_HEAD
           /* 2 */ "subject: Uw {{ kenmerkk }}\n"          /* {{ at 13 */
           SPEC_TAIL);
  if (u->letter) {
    const char *names[] = { "kenmerk" };
    const char *values[] = { "WB-1" };
    struct expand_opts o = { NULL, 0, names, values, 1, false };
    INT_EQ(expand_letter(u, &o), -1);
    d = find_rule(u, "spec.variable");
    STR_EQ(d ? d->suggestion : NULL, "kenmerk");
    INT_EQ(d ? d->col : 0, 13);
  } else {
    OK(0 && "spec loaded");
  }
  unit_free(u);

  CASE("expand: undefined variable without a near miss");
  u = load(SPEC_HEAD "subject: Uw {{ onbekend_veld }}\n" SPEC_TAIL);
  if (u->letter) {
    INT_EQ(expand_letter(u, &no_opts), -1);
    d = find_rule(u, "spec.variable");
    OK(d && d->suggestion == NULL);
  } else {
    OK(0 && "spec loaded");
  }
  unit_free(u);

  CASE("expand: unclosed {{");
  u = load(SPEC_HEAD
           /* 2 */ "subject: Gesprek met {{ naam over werk\n"   /* {{ at 22-23 */
           SPEC_TAIL);
  if (u->letter) {
    INT_EQ(expand_letter(u, &no_opts), -1);
    INT_EQ(count_rule(u, "spec.variable"), 1);
    d = find_rule(u, "spec.variable");
    OK(d != NULL);
    if (d) {
      INT_EQ(d->line, 2);
      INT_EQ(d->col, 22);
      INT_EQ(d->end_col, 24);
      OK(strstr(d->message, "not closed") != NULL);
    }
  } else {
    OK(0 && "spec loaded");
  }
  unit_free(u);

  CASE("expand: unclosed {{ in a folded block, 2nd line");
  u = load(SPEC_HEAD "subject: S\n"
           /*  3 */ "sender:\n"
           /*  4 */ "  name: A. de Boer\n"
           /*  5 */ "  role: adviseur\n"
           /*  6 */ "recipient: {name: N, salutation: S, address: A, postcode: P, city: C}\n"
           /*  7 */ "key-message: {title: T}\n"
           /*  8 */ "blocks:\n"
           /*  9 */ "  - paragraph: >\n"
           /* 10 */ "      Eerste regel,\n"
           /* 11 */ "      dan {{ open\n");               /* dan 7-9 _10 {{ 11 */
  if (u->letter) {
    INT_EQ(expand_letter(u, &no_opts), -1);
    d = find_rule(u, "spec.variable");
    INT_EQ(d ? d->line : 0, 11);
    INT_EQ(d ? d->col : 0, 11);
  } else {
    OK(0 && "spec loaded");
  }
  unit_free(u);

  CASE("expand: a malformed variable name");
  u = load(SPEC_HEAD "subject: Uw {{ 1abc }} en {{ a-b }}\n" SPEC_TAIL);
  /*                   {{ 1abc }} at 13, {{ a-b }} at 27 */
  if (u->letter) {
    INT_EQ(expand_letter(u, &no_opts), -1);
    INT_EQ(count_rule(u, "spec.variable"), 2);
    d = find_rule(u, "spec.variable");
    INT_EQ(d ? d->col : 0, 13);
    OK(d && strstr(d->message, "not a valid variable") != NULL);
    if (u->diags.n == 2) INT_EQ(u->diags.items[1].col, 27);
  } else {
    OK(0 && "spec loaded");
  }
  unit_free(u);

  CASE("expand_find_var");
  {
    const char *s = "a {{ naam }} b {{x}} {{ open";
    const char *n;
    size_t nl;
    long end;
    INT_EQ(expand_find_var(s, strlen(s), 0, &n, &nl, &end), 2);
    INT_EQ(nl, 4);
    OK(strncmp(n, "naam", 4) == 0);
    INT_EQ(end, 12);
    INT_EQ(expand_find_var(s, strlen(s), 12, &n, &nl, &end), 15);
    INT_EQ(nl, 1);
    INT_EQ(end, 20);
    INT_EQ(expand_find_var(s, strlen(s), 20, &n, &nl, &end), 21);
    INT_EQ(end, -1);
    INT_EQ(expand_find_var(s, strlen(s), 23, &n, &nl, &end), -1);
    INT_EQ(expand_find_var("", 0, 0, &n, &nl, &end), -1);
  }
}

void test_expand(void);
void test_expand(void)
{
  substitution();
  errors();
}

/* The filters of {{ name | filter }}, each with what it must refuse. */
static void filter_is(const char *filter, const char *in, const char *want)
{
  char *error = NULL;
  char *got = expand_filter(filter, in, &error);
  if (want) STR_EQ(got ? got : "(refused)", want);
  else OK(got == NULL && error != NULL);
  g_free(got);
  g_free(error);
}

void test_expand_filters(void);
void test_expand_filters(void)
{
  CASE("filter datum: with the weekday, from ISO and Dutch day-month-year");
  filter_is("datum", "2026-03-03", "dinsdag 3 maart 2026");
  filter_is("datum", "25-01-2027", "maandag 25 januari 2027");
  filter_is("datum", "5/1/2027", "dinsdag 5 januari 2027");
  filter_is("datum-kort", "2027-12-31", "31 december 2027");
  filter_is("datum", "31-02-2027", NULL);
  filter_is("datum", "morgen", NULL);
  filter_is("datum", "2027-01-25x", NULL);
  CASE("filter bedrag: euro sign, thousands point, decimal comma, two decimals");
  filter_is("bedrag", "1250", "€ 1.250,00");
  filter_is("bedrag", "1250.5", "€ 1.250,50");
  filter_is("bedrag", "1234567.89", "€ 1.234.567,89");
  filter_is("bedrag", "0.05", "€ 0,05");
  filter_is("bedrag", "-12.5", "€ -12,50");
  filter_is("bedrag", "007", "€ 7,00");
  filter_is("bedrag", "12,50", NULL);
  filter_is("bedrag", "1.250,00", NULL);
  filter_is("bedrag", "12.505", NULL);
  filter_is("bedrag", "", NULL);
  CASE("filters for capitals");
  filter_is("hoofdletter", "de Haan", "De Haan");
  filter_is("hoofdletter", "özdemir", "Özdemir");
  filter_is("hoofdletters", "breda", "BREDA");
  filter_is("kleine-letters", "BREDA", "breda");
  filter_is("onbekend", "x", NULL);
}

void test_expand_filters_en(void);
void test_expand_filters_en(void)
{
  CASE("filters for letters in English: date, date-short, amount");
  filter_is("date", "2026-03-03", "Tuesday 3 March 2026");
  filter_is("date-short", "25-01-2027", "25 January 2027");
  filter_is("amount", "1250.5", "€1,250.50");
  filter_is("amount", "-1234567.89", "€-1,234,567.89");
  filter_is("date", "31-02-2027", NULL);
  filter_is("amount", "12,50", NULL);
}
