/* run.c - runs every unit-test suite and prints the summary line. */
#include "harness.h"

int harness_passed, harness_failed;
const char *harness_case = "";

#define SUITES(X) \
  X(test_util) \
  X(test_arena) \
  X(test_srcfile) \
  X(test_text) \
  X(test_diag) \
  X(test_spec) \
  X(test_expand) \
  X(test_expand_filters) \
  X(test_expand_filters_en) \
  X(test_outfile) \
  X(test_xml) \
  X(test_config) \
  X(test_fix)

#define DECLARE(fn) void fn(void);
SUITES(DECLARE)

int main(void)
{
#define RUN(fn) fn();
  SUITES(RUN)
  printf("%d passed, %d failed\n", harness_passed, harness_failed);
  return harness_failed ? 1 : 0;
}
