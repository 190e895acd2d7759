/* cmd_schema.c - `beeldbrief schema`: every key path the spec knows, one
 * per line ("sender.name", "blocks.callout.style"). The documentation
 * test uses it to prove docs/spec.md covers every key. */
#include "cli.h"
#include "../spec/spec_int.h"
#include <string.h>

static void print_path(const char *path, void *ctx)
{
  (void)ctx;
  puts(path);
}

int cmd_schema(int argc, char **argv)
{
  if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
    puts("usage: beeldbrief schema\n\nLists every key of the letter spec, one path per line.");
    return EXIT_OK;
  }
  if (argc > 1) return usage_error("schema", "schema takes no arguments");
  spec_schema_each_path(print_path, NULL);
  return EXIT_OK;
}
