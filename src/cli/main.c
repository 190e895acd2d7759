/* main.c - beeldbrief's entry point: a table of subcommands (git). */
#include "cli.h"
#include "../base/util.h"
#include <stdio.h>
#include <string.h>

static const struct command {
  const char *name;
  int (*fn)(int argc, char **argv);
  const char *summary;
} commands[] = {
  { "build", cmd_build, "check a letter spec and compile it into a PDF" },
  { "lint", cmd_lint, "check letter specs and report findings" },
  { "batch", cmd_batch, "make a letter for every record of a data file" },
  { "merge-manifests", cmd_merge_manifests, "join the manifests of a mailing's shards" },
  { "check-text", cmd_check_text, "check plain Dutch text for B1 readability" },
  { "schema", cmd_schema, "list every key of the letter spec" },
  { "rules", cmd_rules, "list every rule the checks can report" },
  { "explain", cmd_explain, "explain one rule, with a bad and a good example" },
  { "import-tbx", cmd_import_tbx, "convert TBX terminology into a word list" },
};

static void print_help(FILE *out)
{
  fputs("usage: beeldbrief COMMAND [options] [args]\n"
        "\n"
        "beeldbrief checks Dutch plain-language letters written as YAML specs\n"
        "(B1 readability, consistent words, key information first) and compiles\n"
        "them into PDF beeldbrieven.\n"
        "\n"
        "commands:\n", out);
  for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
    fprintf(out, "  %-15s %s\n", commands[i].name, commands[i].summary);
  fputs("\n"
        "  beeldbrief COMMAND --help   help for one command\n"
        "  beeldbrief --version        the version\n", out);
}

int main(int argc, char **argv)
{
  if (argc < 2) {
    print_help(stderr);
    return EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
    print_help(stdout);
    return EXIT_OK;
  }
  if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
    printf("beeldbrief %s\n", BEELDBRIEF_VERSION);
    return EXIT_OK;
  }
  for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
    if (!strcmp(cmd, commands[i].name)) return commands[i].fn(argc - 1, argv + 1);
  const char *names[ARRAY_SIZE(commands)];
  for (size_t i = 0; i < ARRAY_SIZE(commands); i++) names[i] = commands[i].name;
  const char *best = suggest_closest(cmd, names, ARRAY_SIZE(commands));
  if (best) return usage_error(NULL, "unknown command '%s'; did you mean '%s'?", cmd, best);
  return usage_error(NULL, "unknown command '%s'", cmd);
}
