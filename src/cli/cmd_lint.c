/* cmd_lint.c - `beeldbrief lint FILE...`: every check, no output file. */
#include "cli.h"
#include "../lint/lint.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char lint_usage[] =
  "usage: beeldbrief lint FILE...\n"
  "\n"
  "Checks letter specs and prints every finding as file:line:col, sorted by\n"
  "file and line, then a summary line. Several files are also compared with\n"
  "each other: the notations of times, dates, amounts and phone numbers and\n"
  "the form of address of the first file set the norm for the others.\n"
  "\n"
  "  --config FILE settings (thresholds) instead of the nearest\n"
  "                .beeldbrief.yaml above each file\n"
  "  -h, --help    show this help\n"
  "\n"
  "Exit status: 0 no errors, 1 error-level findings, 2 bad usage or an\n"
  "unreadable or invalid spec.\n";

int cmd_lint(int argc, char **argv)
{
  static const struct option opts[] = {
    { "help", no_argument, NULL, 'h' },
    { "config", required_argument, NULL, 'c' },
    { NULL, 0, NULL, 0 },
  };
  int c;
  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
    if (c == 'h') { fputs(lint_usage, stdout); return EXIT_OK; }
    if (c == 'c') { pipeline_set_config(optarg); continue; }
    return usage_error("lint", "unknown option '%s'", argv[optind - 1]);
  }
  if (optind == argc) return usage_error("lint", "no files given");

  int rc = EXIT_OK;
  unsigned errors = 0, warnings = 0, files = 0;
  bool color = want_color(stdout);
  /* Templates linted together should also agree with each other. */
  struct lint_set *set = argc - optind > 1 ? lint_set_new() : NULL;
  pipeline_set_lint_set(set);
  for (int i = optind; i < argc; i++) {
    struct unit *u = pipeline_load(argv[i], NULL, 0, NULL);
    diag_list_sort(&u->diags);
    diag_list_print(stdout, &u->diags, color);
    if (u->letter) {
      const struct metrics *b, *m = pipeline_metrics(&b, &(size_t){ 0 });
      printf("%s: %u sentences, %.1f words per sentence, Flesch-Douma %.0f, "
             "%.0f%% frequent words, level %s\n", argv[i], m->sentences, m->words_per_sentence,
             m->flesch_douma, 100 * m->frequent_share, m->level ? m->level : "-");
    }
    errors += u->diags.count[DIAG_ERROR];
    warnings += u->diags.count[DIAG_WARNING];
    files++;
    int frc = pipeline_exit_code(u);
    if (frc > rc) rc = frc;
    unit_free(u);
  }
  pipeline_set_lint_set(NULL);
  lint_set_free(set);
  printf("%u error%s, %u warning%s in %u file%s\n", errors, errors == 1 ? "" : "s",
         warnings, warnings == 1 ? "" : "s", files, files == 1 ? "" : "s");
  return rc;
}
