/* report.h - findings of many files in the formats CI systems and editors
 * read: compiler-style text, JSON, SARIF 2.1.0 (GitHub code scanning),
 * JUnit XML, GitHub workflow commands and GitLab Code Quality.
 *
 * A report takes each file's findings as the file is done (the unit and
 * its strings are freed right after) and writes the formats that need the
 * whole run at the end. docs/ci.md documents every format. */
#ifndef BB_REPORT_H
#define BB_REPORT_H
#include "../base/diag.h"
#include <stdbool.h>
#include <stdio.h>

enum report_format {
  REPORT_TEXT, REPORT_JSON, REPORT_SARIF, REPORT_JUNIT, REPORT_GITHUB, REPORT_GITLAB, REPORT_FORMAT_COUNT
};
extern const char *const report_format_names[REPORT_FORMAT_COUNT];

struct report;
/* A report in FORMAT to OUT. COLOR for text on a terminal; DATADIR finds
 * docs/rules/ for the help texts of SARIF; VERSION is the tool's. */
struct report *report_new(enum report_format format, FILE *out, bool color, const char *datadir,
                          const char *version);
/* The findings of one file (sorted by the caller), and its summary line
 * for text (NULL: none). */
void report_file(struct report *r, const char *path, const struct diag_list *l,
                 const char *summary);
/* Writes what is left and frees R. Returns 0, or -1 when OUT failed. */
int report_finish(struct report *r, unsigned errors, unsigned warnings, unsigned files);

#endif
