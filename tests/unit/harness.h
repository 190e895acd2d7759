/* harness.h - a small unit-test harness (cmark's OK/INT_EQ/STR_EQ).
 *
 * Each test file defines suite functions `void test_<module>(void)` and
 * lists them in SUITES in run.c. Failures print file:line and the values
 * to stderr; run.c prints "N passed, N failed" and exits non-zero when
 * anything failed. */
#ifndef BB_HARNESS_H
#define BB_HARNESS_H
#include <stdio.h>
#include <string.h>

extern int harness_passed, harness_failed;
extern const char *harness_case;

/* Names the case the following checks belong to (for failure messages). */
#define CASE(name) (harness_case = (name))

#define OK(cond) do { \
    if (cond) harness_passed++; \
    else { harness_failed++; \
      fprintf(stderr, "FAIL %s:%d [%s]: %s\n", __FILE__, __LINE__, harness_case, #cond); } \
  } while (0)

#define INT_EQ(got, want) do { \
    long long g_ = (long long)(got), w_ = (long long)(want); \
    if (g_ == w_) harness_passed++; \
    else { harness_failed++; \
      fprintf(stderr, "FAIL %s:%d [%s]: %s == %lld, want %lld\n", __FILE__, __LINE__, \
              harness_case, #got, g_, w_); } \
  } while (0)

#define STR_EQ(got, want) do { \
    const char *g_ = (got), *w_ = (want); \
    if (g_ && w_ && strcmp(g_, w_) == 0) harness_passed++; \
    else { harness_failed++; \
      fprintf(stderr, "FAIL %s:%d [%s]: %s == \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
              harness_case, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } \
  } while (0)

#endif
