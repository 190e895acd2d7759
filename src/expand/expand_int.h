/* expand_int.h - what the files of expand/ share. */
#ifndef BB_EXPAND_INT_H
#define BB_EXPAND_INT_H
#include "expand.h"

/* The filters of `{{ name | filter }}`, NULL-terminated (filters.c). */
extern const char *const expand_filter_names[];
/* VALUE through FILTER: a new string (g_free), or NULL with *ERROR set
 * (g_free) when the value does not fit the filter or the filter is
 * unknown. */
char *expand_filter(const char *filter, const char *value, char **error);

#endif
