/* test_config.c - the ignore globs of .beeldbrief.yaml. */
#include "harness.h"
#include "../../src/model/config.h"

static bool ignored(const char *glob, const char *path)
{
  struct lint_cfg c;
  lint_cfg_defaults(&c);
  c.ignore[0] = glob;
  c.nignore = 1;
  c.ignore_base = "/project";
  return lint_cfg_ignores(&c, path);
}

void test_config(void);
void test_config(void)
{
  CASE("ignore: a glob without a slash matches a name at any depth");
  OK(ignored("*.concept.yaml", "/project/a.concept.yaml"));
  OK(ignored("*.concept.yaml", "/project/sub/dir/b.concept.yaml"));
  OK(!ignored("*.concept.yaml", "/project/a.yaml"));
  OK(ignored("oud", "/project/brieven/oud/a.yaml"));          /* a folder name */
  OK(!ignored("oud", "/project/brieven/oude/a.yaml"));

  CASE("ignore: a glob with a slash matches from the configuration's folder");
  OK(ignored("concepten/*.yaml", "/project/concepten/a.yaml"));
  OK(!ignored("concepten/*.yaml", "/project/x/concepten/a.yaml"));
  OK(!ignored("concepten/*.yaml", "/project/concepten/sub/a.yaml"));   /* * stays in a folder */
  OK(ignored("concepten/", "/project/concepten/sub/a.yaml"));         /* a folder: all below */
  OK(ignored("concepten/**", "/project/concepten/sub/a.yaml"));
  OK(ignored("**/oud/*.yaml", "/project/oud/a.yaml"));                 /* zero folders */
  OK(ignored("**/oud/*.yaml", "/project/a/b/oud/a.yaml"));
  OK(!ignored("**/oud/*.yaml", "/project/a/b/nieuw/a.yaml"));
  OK(ignored("brief-?.yaml", "/project/brief-1.yaml"));
  OK(!ignored("brief-?.yaml", "/project/brief-12.yaml"));

  CASE("ignore: paths outside the configuration's folder, relative paths");
  OK(!ignored("concepten/**", "/elders/concepten/a.yaml"));
  OK(ignored("*.concept.yaml", "/elders/a.concept.yaml"));            /* a name matches anywhere */
  struct lint_cfg c;
  lint_cfg_defaults(&c);
  OK(!lint_cfg_ignores(&c, "/project/a.yaml"));                       /* no globs */
}
