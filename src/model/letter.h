/* letter.h - the letter model: what every later stage reads.
 *
 * A plain tree of structs (cmark's node->as.heading.level style). Every
 * string is a struct text that knows its source position, so lints can
 * point into it. The front end (spec/) builds it; expand/ rewrites it once
 * (variables, standard blocks); lints and renderers only read it through a
 * const pointer. All memory belongs to the unit's arena. */
#ifndef BB_LETTER_H
#define BB_LETTER_H
#include "../base/text.h"
#include <stdbool.h>
#include <stdio.h>

enum letter_kind {
  KIND_UITNODIGING, KIND_AFSPRAAKBEVESTIGING, KIND_BESCHIKKING, KIND_VERZOEK,
  KIND_HERINNERING, KIND_INFORMATIE, KIND_WERKPLAN, KIND_KENNISMAKING, KIND_ALGEMEEN,
  KIND_COUNT
};

enum block_type {
  BLOCK_PARAGRAPH, BLOCK_HEADING, BLOCK_LIST, BLOCK_NUMBERED_LIST,
  BLOCK_CALLOUT, BLOCK_ACTION, BLOCK_TIMELINE, BLOCK_TABLE, BLOCK_CONTACT,
  BLOCK_STANDARD,
  BLOCK_COUNT
};

enum callout_style { CALLOUT_INFO, CALLOUT_WARNING, CALLOUT_IMPORTANT,
                     CALLOUT_AMOUNT, CALLOUT_SUCCESS, CALLOUT_COUNT };

enum icon {
  ICON_NONE, ICON_CALENDAR, ICON_CLOCK, ICON_LOCATION, ICON_DOCUMENT,
  ICON_ID_CARD, ICON_PHONE, ICON_EURO, ICON_WARNING, ICON_CHECK, ICON_INFO,
  ICON_PERSON, ICON_MAIL,
  ICON_COUNT
};

enum align { ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTER, ALIGN_COUNT };

struct textlist {
  struct text *items;
  size_t       n;
};

struct sender {
  struct text     name, role, team, organisation;
  struct text     phone, hours, website, email;
  struct textlist address;          /* postal address lines of the organisation */
};

struct recipient {
  struct text     name;             /* as on the envelope: "J.T. Dekker" */
  struct text     salutation;       /* "Beste mevrouw Dekker" */
  struct textlist address;          /* street lines */
  struct text     postcode, city, country;
};

struct action_item {
  struct text     what;             /* the action, in bold: "Neem uw paspoort mee." */
  struct text     detail;           /* one or two sentences of explanation */
  struct text     when, where;      /* deadline or moment; place */
  struct textlist bring;            /* things to bring */
  enum icon       icon;
};

struct step {
  struct text title, date, text;
};

struct block {
  enum block_type type;
  struct text     key;              /* the block's type key, for positions */
  struct text     cond_if;          /* `if: name`: only when the variable is set */
  struct text     cond_unless;      /* `unless: name`: only when it is not */
  union {
    struct text     text;           /* paragraph, heading, standard (its name) */
    struct textlist list;           /* list, numbered-list */
    struct {
      enum callout_style style;
      enum icon          icon;
      struct text        title, text;
    } callout;
    struct {
      struct text         title;
      struct action_item *items;
      size_t              n;
    } action;
    struct {
      struct text  title;
      struct step *steps;
      size_t       n;
      unsigned     current;         /* 1-based step the reader is at; 0 = none */
    } timeline;
    struct {
      struct text      title;
      struct textlist  columns;
      enum align      *align;       /* one per column */
      struct textlist *rows;
      size_t           nrows;
    } table;
    struct {
      struct text     title, phone, hours, website, email, text;
      struct text     qr;           /* URL shown as a QR code beside its text */
      struct textlist post;
    } contact;
  } as;
  /* BLOCK_STANDARD after expansion: the blocks it stands for. */
  struct block *sub;
  size_t        nsub;
};

struct variable {
  struct text name;
  struct text value;
};

struct letter {
  const struct srcfile *file;       /* the spec */
  enum letter_kind kind;
  struct text      kind_text;
  struct text      language;        /* "nl" */
  struct text      house_style;     /* path or name of the house style */
  struct text      date;            /* ISO "2026-11-27" */
  int              year, month, day;/* parsed date; 0 when absent */
  struct text      reference, your_reference;
  struct text      subject;
  struct text      urgency;         /* envelope text */
  struct sender    sender;
  struct recipient recipient;
  struct text      key_title, key_text;
  struct block    *blocks;
  size_t           nblocks;
  struct text      closing;
  struct text      signature_name, signature_role;
  struct variable *vars;
  size_t           nvars;
  struct textlist  ignore_words;    /* words the spelling check accepts here */
};

/* Names as written in specs, indexed by the enums above. */
extern const char *const letter_kind_names[KIND_COUNT];
extern const char *const block_type_names[BLOCK_COUNT];
extern const char *const callout_style_names[CALLOUT_COUNT];
extern const char *const icon_names[ICON_COUNT];
extern const char *const align_names[ALIGN_COUNT];

/* Looks NAME up in one of the tables above; -1 when absent. */
int letter_name_index(const char *const *names, size_t n, const char *name);

/* Checks the model's invariants (required fields present, indices in
 * range). Prints each broken one to OUT and returns their number. */
int letter_check(const struct letter *l, FILE *out);

/* Writes a stable text dump of the model (--emit=model), one value per
 * line with its position: for golden tests and debugging. */
void letter_dump(const struct letter *l, FILE *out);

/* Calls FN on every text of the letter in reading order (header, key
 * message, blocks, closing). For passes that look at all prose. */
typedef void (*letter_text_fn)(const struct text *t, const char *where, void *ctx);
void letter_each_text(const struct letter *l, letter_text_fn fn, void *ctx);
/* The same walk over one block (and, for standard blocks, what it stands for). */
void letter_block_each_text(const struct block *b, letter_text_fn fn, void *ctx);
/* For expand/ only: the same walk with write access, absent texts included. */
typedef void (*letter_text_mut_fn)(struct text *t, const char *where, void *ctx);
void letter_each_text_mut(struct letter *l, letter_text_mut_fn fn, void *ctx);

#endif
