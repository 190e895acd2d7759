/* rules.h - the catalogue of every rule the checks can report: its id,
 * its default severity and a one-line summary. `beeldbrief rules` lists
 * it, `beeldbrief explain ID` prints docs/rules/ID.md, and .beeldbrief.yaml
 * may change a rule's severity or turn it off (`rules:`). */
#ifndef BB_RULES_H
#define BB_RULES_H
#include "../base/diag.h"
#include <stddef.h>

struct rule_info {
  const char        *id;        /* "letter.salutation" */
  enum diag_severity severity;  /* the default */
  const char        *summary;   /* one line, English */
};

/* Every rule, sorted by id. */
const struct rule_info *rules_all(size_t *n);
/* The rule ID, or NULL. */
const struct rule_info *rules_find(const char *id);

/* A severity as written in configuration: "error", "warning", "info" or
 * "off" (RULE_OFF). -2 when S is none of them. */
#define RULE_OFF (-1)
int rules_parse_severity(const char *s);

#endif
