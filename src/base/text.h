/* text.h - a string value from a spec that knows where each byte came from.
 *
 * A value's bytes are not a plain slice of the source: YAML folds lines,
 * strips indentation and decodes escapes, and variable expansion splices in
 * other text.  A text therefore carries a segment map from value byte
 * offsets to source byte offsets, so that a later pass can point at one
 * word inside a folded block scalar or a quoted string exactly. */
#ifndef BB_TEXT_H
#define BB_TEXT_H
#include "arena.h"
#include "srcfile.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Value bytes [voff, next seg's voff) came from source bytes starting at
 * soff; when FIXED is set they all map to soff (an escape sequence, a
 * substituted variable) instead of advancing with the value. */
struct textseg {
  uint32_t              voff;
  uint32_t              soff;
  bool                  fixed;
  const struct srcfile *file;
};

struct text {
  const char           *s;      /* NUL-terminated value; NULL when absent */
  size_t                len;    /* bytes in s */
  const struct srcfile *file;   /* file of the whole value's span */
  uint32_t              start;  /* span of the value in the source, including */
  uint32_t              end;    /*   quotes and block indicators */
  const struct textseg *segs;   /* sorted by voff; segs[0].voff == 0 */
  uint32_t              nsegs;  /* 0: no per-byte map, use start */
  bool                  literal;/* from a `|` block: a single newline is a
                                   line break, not a paragraph break */
};

static inline bool text_present(const struct text *t) { return t->s != NULL; }

/* The raw source offset (and file) of value byte VOFF. */
size_t text_source_offset(const struct text *t, size_t voff, const struct srcfile **file);
/* Where value byte VOFF came from (VOFF == len gives the end of the last
 * byte). Texts without a map give the start of their span. */
struct srcloc text_locate(const struct text *t, size_t voff);
/* The source location of the value's first and one-past-last byte. */
struct srcloc text_loc_start(const struct text *t);
struct srcloc text_loc_end(const struct text *t);

/* Builds a segment map piece by piece; consecutive pieces that continue
 * each other are merged. Memory comes from the arena. */
struct textmap {
  struct arena   *arena;
  struct textseg *segs;
  uint32_t        n, cap;
};
void textmap_init(struct textmap *m, struct arena *a);
/* Value bytes from VOFF on come from SOFF in FILE. */
void textmap_add(struct textmap *m, size_t voff, size_t soff, bool fixed,
                 const struct srcfile *file);
/* Closes a map: value byte VLEN (one past the end) is at SOFF, the source
 * byte after the last one consumed. Keeps text_loc_end exact when the value
 * ends in an escape or a substituted variable. */
void textmap_end(struct textmap *m, size_t vlen, size_t soff, const struct srcfile *file);
/* Appends every segment of T, shifted so that T's byte 0 is value byte VOFF
 * of the text being built. */
void textmap_add_text(struct textmap *m, size_t voff, const struct text *t);
/* Appends the map of T's bytes [from, to), so that T's byte FROM becomes
 * value byte VOFF of the text being built. */
void textmap_add_range(struct textmap *m, size_t voff, const struct text *t,
                       size_t from, size_t to);

#endif
