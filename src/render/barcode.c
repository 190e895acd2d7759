/* barcode.c - KIX and QR codes with zint, as rectangles.
 *
 * The only file that uses zint. zint lays the symbol out as a vector of
 * rectangles; we scale them into the box the layout gives, so the code
 * is drawn as crisp vector bars in the PDF. */
#include "render_int.h"
#include "../base/xalloc.h"
#include <string.h>
#include <zint.h>

/* Encodes DATA and returns its rectangles scaled by S, plus the symbol's
 * natural width and height in zint units. */
static double *encode(int symbology, const char *data, size_t *n, double *sw, double *sh)
{
  struct zint_symbol *sym = ZBarcode_Create();
  if (!sym) return NULL;
  sym->symbology = symbology;
  sym->show_hrt = 0;
  sym->whitespace_width = 0;
  sym->border_width = 0;
  if (symbology == BARCODE_QRCODE) sym->option_1 = 2;       /* error correction M */
  double *out = NULL;
  if (ZBarcode_Encode(sym, (const unsigned char *)data, (int)strlen(data)) < ZINT_ERROR &&
      ZBarcode_Buffer_Vector(sym, 0) < ZINT_ERROR && sym->vector) {
    size_t count = 0;
    for (struct zint_vector_rect *r = sym->vector->rectangles; r; r = r->next) count++;
    out = xcalloc(count ? count * 4 : 4, sizeof *out);
    size_t i = 0;
    for (struct zint_vector_rect *r = sym->vector->rectangles; r; r = r->next) {
      out[i++] = r->x;
      out[i++] = r->y;
      out[i++] = r->width;
      out[i++] = r->height;
    }
    *n = count;
    *sw = sym->vector->width;
    *sh = sym->vector->height;
  }
  ZBarcode_Delete(sym);
  return out;
}

static void scale(double *r, size_t n, double sx, double sy)
{
  for (size_t i = 0; i < n; i++) {
    r[4 * i] *= sx;
    r[4 * i + 1] *= sy;
    r[4 * i + 2] *= sx;
    r[4 * i + 3] *= sy;
  }
}

double *barcode_kix(const char *data, double h, size_t *n, double *w)
{
  double sw = 0, sh = 0;
  double *r = encode(BARCODE_KIX, data, n, &sw, &sh);
  if (!r || sh <= 0) { free(r); return NULL; }
  /* PostNL: bars about 0.5 mm apart centre to centre is 1.0 mm for
   * 4-state codes; zint uses 2 units per bar pitch. */
  double pitch = 1.0 * MM / 2.0;
  scale(r, *n, pitch, h / sh);
  *w = sw * pitch;
  return r;
}

double *barcode_qr(const char *text, double side, size_t *n)
{
  double sw = 0, sh = 0;
  double *r = encode(BARCODE_QRCODE, text, n, &sw, &sh);
  if (!r || sw <= 0 || sh <= 0) { free(r); return NULL; }
  scale(r, *n, side / sw, side / sh);
  return r;
}
