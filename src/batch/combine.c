/* combine.c - the print file of a mailing (batch --combined): every letter
 * in one PDF, sorted by postcode for the postage discount, each padded to
 * an even number of pages so that duplex printing starts every letter on
 * a new sheet. The PDFs are joined by libqpdf (the only file that uses
 * it), which keeps every page as it is. */
#include "batch_int.h"
#include "../base/util.h"
#include <errno.h>
#include <qpdf/qpdfjob-c.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* A blank A4 page, as a PDF of its own (byte offsets in the xref). */
static char *blank_page_pdf(size_t *len)
{
  static const char *const objs[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.275591 841.889764] /Resources << >> >>",
  };
  GString *g = g_string_new("%PDF-1.5\n");
  size_t off[3];
  for (int i = 0; i < 3; i++) {
    off[i] = g->len;
    g_string_append_printf(g, "%d 0 obj\n%s\nendobj\n", i + 1, objs[i]);
  }
  size_t xref = g->len;
  g_string_append(g, "xref\n0 4\n0000000000 65535 f \n");
  for (int i = 0; i < 3; i++) g_string_append_printf(g, "%010zu 00000 n \n", off[i]);
  g_string_append_printf(g, "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
  *len = g->len;
  return g_string_free(g, FALSE);
}

int batch_combine(struct unit *u, const char *dir, const struct combine_item *items, size_t n,
                  const char *out)
{
  char *blank = g_build_filename(dir, ".blank-page.pdf", NULL);
  size_t blen;
  char *bytes = blank_page_pdf(&blen);
  int rc = write_file_atomic(blank, bytes, blen);
  g_free(bytes);
  if (rc != 0) {
    diag_file(&u->diags, DIAG_ERROR, "io.write", blank, "cannot write: %s", strerror(errno));
    g_free(blank);
    return -1;
  }
  /* qpdf writes the file itself: into a temporary name, renamed when done. */
  char *tmp = g_strdup_printf("%s.tmp-%06d", out, (int)(getpid() % 1000000));
  GPtrArray *argv = g_ptr_array_new_with_free_func(g_free);
  g_ptr_array_add(argv, g_strdup("qpdf"));
  g_ptr_array_add(argv, g_strdup("--empty"));
  g_ptr_array_add(argv, g_strdup("--no-warn"));
  g_ptr_array_add(argv, g_strdup("--deterministic-id"));
  g_ptr_array_add(argv, g_strdup("--pages"));
  for (size_t i = 0; i < n; i++) {
    g_ptr_array_add(argv, g_build_filename(dir, items[i].file, NULL));
    if (items[i].pages % 2) g_ptr_array_add(argv, g_strdup(blank));
  }
  g_ptr_array_add(argv, g_strdup("--"));
  g_ptr_array_add(argv, g_strdup(tmp));
  g_ptr_array_add(argv, NULL);
  fflush(NULL);
  int q = n ? qpdfjob_run_from_argv((const char *const *)argv->pdata) : 2;
  if (q != 0 && q != 3) {                       /* 3: warnings only */
    diag_file(&u->diags, DIAG_ERROR, "io.write", out,
              n ? "cannot make the print file (qpdf exit %d)" : "no letters to combine%.0d", q);
    unlink(tmp);
    rc = -1;
  } else if (rename(tmp, out) != 0) {
    diag_file(&u->diags, DIAG_ERROR, "io.write", out, "cannot write the print file: %s",
              strerror(errno));
    unlink(tmp);
    rc = -1;
  }
  unlink(blank);
  g_ptr_array_unref(argv);
  g_free(tmp);
  g_free(blank);
  return rc;
}
