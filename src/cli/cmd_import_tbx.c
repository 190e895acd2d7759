/* cmd_import_tbx.c - `beeldbrief import-tbx FILE.tbx [-o OUT.yaml]`: a
 * terminology file from a terminology tool as the organisation's word
 * list, to edit further by hand. Lint can also read the TBX directly
 * (vocabulary: in .beeldbrief.yaml). */
#include "cli.h"
#include "../base/util.h"
#include "../model/vocab.h"
#include "../spec/spec.h"
#include <errno.h>
#include <getopt.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
  "usage: beeldbrief import-tbx FILE.tbx [-o OUT.yaml]\n"
  "\n"
  "Converts terminology in TBX (ISO 30042; TBX-Basic and TBX 2019) into a\n"
  "word list in the format of wordlist/organisatie.yaml. Per concept, the\n"
  "Dutch preferred term becomes the term, admitted terms its admitted words\n"
  "and deprecated or superseded terms the words to avoid.\n"
  "\n"
  "  -o, --output FILE   write the word list to FILE (default: standard output)\n"
  "  -h, --help          show this help\n"
  "\n"
  "Exit status: 0 written, 2 bad usage or an unreadable or invalid file.\n";

int cmd_import_tbx(int argc, char **argv)
{
  static const struct option opts[] = {
    { "output", required_argument, NULL, 'o' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *out = NULL;
  int c;
  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
    if (c == 'h') { fputs(usage, stdout); return EXIT_OK; }
    if (c == 'o') { out = optarg; continue; }
    return usage_error("import-tbx", "unknown option '%s'", argv[optind - 1]);
  }
  if (optind != argc - 1) return usage_error("import-tbx", "give one TBX file");
  const char *path = argv[optind];
  if (!g_str_has_suffix(path, ".tbx") && !g_str_has_suffix(path, ".TBX"))
    return usage_error("import-tbx", "'%s' does not end in .tbx", path);

  struct unit *u = unit_new();
  struct vocab *v = spec_load_vocab(u, path);
  int rc = EXIT_USAGE;
  if (v && !out) {
    rc = vocab_write_yaml(v, stdout) == 0 ? EXIT_OK : EXIT_USAGE;
  } else if (v) {
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    vocab_write_yaml(v, mem);
    fclose(mem);
    struct outfile of;
    if (outfile_open(&of, out) != 0) {
      diag_file(&u->diags, DIAG_ERROR, "io.write", out, "cannot write: %s", strerror(errno));
    } else if (write(of.fd, buf, len) != (ssize_t)len) {
      outfile_abort(&of);
      diag_file(&u->diags, DIAG_ERROR, "io.write", out, "cannot write: %s", strerror(errno));
    } else if (outfile_commit(&of) != 0) {
      diag_file(&u->diags, DIAG_ERROR, "io.write", out, "cannot write: %s", strerror(errno));
    } else {
      fprintf(stderr, "%s: %zu terms\n", out, v->nterms);
      rc = EXIT_OK;
    }
    free(buf);
  }
  diag_list_sort(&u->diags);
  diag_list_print(stderr, &u->diags, want_color(stderr));
  vocab_free(v);
  unit_free(u);
  return rc;
}
