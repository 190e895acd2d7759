/* test_util.c - edit distance and "did you mean". */
#include "harness.h"
#include "../../src/base/util.h"

void test_util(void);
void test_util(void)
{
  CASE("edit_distance");
  INT_EQ(edit_distance("subject", "subject", 3), 0);
  INT_EQ(edit_distance("subjekt", "subject", 3), 1);
  INT_EQ(edit_distance("sbuject", "subject", 3), 1);   /* transposition */
  INT_EQ(edit_distance("key_message", "key-message", 3), 1);
  INT_EQ(edit_distance("abc", "xyzxyzxyz", 3), 4);      /* capped at limit+1 */

  CASE("suggest_closest");
  const char *keys[] = { "kind", "subject", "sender", "recipient", "key-message" };
  STR_EQ(suggest_closest("subjet", keys, 5), "subject");
  STR_EQ(suggest_closest("recipent", keys, 5), "recipient");
  OK(suggest_closest("colour", keys, 5) == NULL);
}
