/* rules.c - the catalogue of rules (see rules.h). Kept in one table so
 * that the list, the documentation test and the configuration agree. */
#include "rules.h"
#include <string.h>

#define W DIAG_WARNING
#define E DIAG_ERROR

static const struct rule_info rules[] = {
  { "consistency.address", W, "One form of address in a letter: u/uw or je/jij, not both" },
  { "consistency.amount", W, "Amounts written one way: currency sign, cents and thousands" },
  { "consistency.date", W, "Dates written one way: 3 maart 2026 or 03-03-2026, not both" },
  { "consistency.organisation", W, "The organisation's name written as the word list has it" },
  { "consistency.phone", W, "Phone numbers grouped one way" },
  { "consistency.synonym", W, "One word for one concept of the word list" },
  { "consistency.time", W, "Times written one way: 10.00 uur or 10:00, not both" },
  { "letter.address", E, "The recipient's address can be delivered: 3 to 6 lines, postcode 1234 AB, city" },
  { "letter.appointment", W, "An invitation says when, where, what to bring and how to change it" },
  { "letter.block-length", W, "A block stays within the configured number of words" },
  { "letter.change", W, "An information letter says what changes and from when" },
  { "letter.contact", W, "A phone number with opening hours, or a website" },
  { "letter.deadline-date", E, "Deadlines and appointments fall after the letter's date" },
  { "letter.deadline-notation", W, "One date is written the same way everywhere in the letter" },
  { "letter.decision", W, "A decision comes first, with reasons, framed amounts and the objection route" },
  { "letter.first-sentence", W, "The first sentence of the key message has at most 15 words" },
  { "letter.help", W, "A decision or reminder points to help (money worries, reading)" },
  { "letter.key-message-first", W, "The key message comes first, not background or a formula" },
  { "letter.pages", E, "The letter stays within the pages configured for its kind" },
  { "letter.paragraph-length", W, "A paragraph has at most 100 words" },
  { "letter.personal-phone", E, "No personal phone number of the sender unless the house style allows it" },
  { "letter.request", W, "A request says what to do, by when, and what happens if you do nothing" },
  { "letter.salutation", W, "A personal salutation with the recipient's name" },
  { "letter.sender", W, "The sender is a named person with a role, not a team" },
  { "letter.subject", W, "The subject is concrete and at most 8 words" },
  { "letter.timeline", W, "A first-contact letter shows a timeline with the next step" },
  { "letter.weekday", E, "A weekday written with a date matches that date" },
  { "lint.suppression", W, "A suppression comment names known rules and gives a reason" },
  { "lint.unused-suppression", W, "A suppression comment that matches no finding is removed" },
  { "readability.abbreviation", W, "An abbreviation is explained the first time it is used" },
  { "readability.clauses", W, "At most two clauses in a sentence" },
  { "readability.difficult-word", W, "Officialese gets its plain B1 alternative" },
  { "readability.double-negation", W, "No double negation (niet onmogelijk)" },
  { "readability.long-word", W, "Long words (more than 4 syllables or 20 letters) are rare" },
  { "readability.nominalisation", W, "Verbs, not verbs made into nouns (het indienen van)" },
  { "readability.passive", W, "Active sentences that say who does what" },
  { "readability.sentence-length", W, "At most 15 words in a sentence (25 is an error)" },
  { "readability.vague-time", W, "A date instead of binnenkort or zo spoedig mogelijk" },
  { "spelling.unknown-word", W, "Words the dictionary and the word list know" },
  { "vocabulary.avoid", W, "The organisation's word instead of a variant it does not use" },
  { "vocabulary.explain", W, "A term of the word list is explained at its first use" },
  { "vocabulary.spelling", W, "Fixed spellings and capitals of the word list (DigiD)" },
};

const struct rule_info *rules_all(size_t *n)
{
  *n = sizeof rules / sizeof rules[0];
  return rules;
}

const struct rule_info *rules_find(const char *id)
{
  size_t lo = 0, hi = sizeof rules / sizeof rules[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(id, rules[mid].id);
    if (c == 0) return &rules[mid];
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return NULL;
}

int rules_parse_severity(const char *s)
{
  if (!strcmp(s, "error")) return DIAG_ERROR;
  if (!strcmp(s, "warning")) return DIAG_WARNING;
  if (!strcmp(s, "info")) return DIAG_INFO;
  if (!strcmp(s, "off")) return RULE_OFF;
  return -2;
}
