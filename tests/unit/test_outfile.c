/* test_outfile.c - atomic output files: write to a temporary file, rename
 * on commit, leave nothing (and no damage) behind on abort or failure. */
#include "harness.h"
#include "../../src/base/util.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Entries in DIR other than . and .. */
static int entries(const char *dir)
{
  DIR *d = opendir(dir);
  if (!d) return -1;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)))
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
  closedir(d);
  return n;
}

/* The contents of PATH (up to 255 bytes) into BUF; -1 if unreadable. */
static long slurp(const char *path, char *buf, size_t cap)
{
  int fd = open(path, O_RDONLY);
  if (fd < 0) return -1;
  ssize_t n = read(fd, buf, cap - 1);
  close(fd);
  if (n < 0) return -1;
  buf[n] = '\0';
  return (long)n;
}

static int put(int fd, const char *s)
{
  size_t n = strlen(s);
  return write(fd, s, n) == (ssize_t)n ? 0 : -1;
}

void test_outfile(void);
void test_outfile(void)
{
  char dir[] = "/tmp/bb-outfile-XXXXXX";
  if (!mkdtemp(dir)) {
    CASE("outfile: temporary directory");
    OK(0 && "mkdtemp");
    return;
  }
  char target[256], buf[256];
  snprintf(target, sizeof target, "%s/brief.pdf", dir);
  struct outfile of;

  CASE("outfile_open + commit writes and renames");
  INT_EQ(outfile_open(&of, target), 0);
  OK(of.fd >= 0);
  OK(of.tmp != NULL && strncmp(of.tmp, target, strlen(target)) == 0);
  INT_EQ(access(target, F_OK), -1);          /* nothing at the target yet */
  INT_EQ(entries(dir), 1);                   /* just the temporary file */
  INT_EQ(put(of.fd, "%PDF-1.7 eerste"), 0);
  INT_EQ(outfile_commit(&of), 0);
  OK(of.tmp == NULL);
  INT_EQ(of.fd, -1);
  INT_EQ(slurp(target, buf, sizeof buf), 15);
  STR_EQ(buf, "%PDF-1.7 eerste");
  INT_EQ(entries(dir), 1);                   /* no temporary file left */
  {
    struct stat st;
    mode_t mask = umask(0);
    umask(mask);
    OK(stat(target, &st) == 0);
    INT_EQ(st.st_mode & 0777, 0666 & ~mask);  /* not mkstemp's 0600 */
  }
  outfile_abort(&of);                        /* safe after commit */
  INT_EQ(slurp(target, buf, sizeof buf), 15);

  CASE("outfile_commit twice fails with EINVAL");
  errno = 0;
  INT_EQ(outfile_commit(&of), -1);
  INT_EQ(errno, EINVAL);

  CASE("outfile_abort leaves an existing target untouched");
  INT_EQ(outfile_open(&of, target), 0);
  INT_EQ(put(of.fd, "half a PDF"), 0);
  INT_EQ(entries(dir), 2);                   /* target + temporary */
  outfile_abort(&of);
  OK(of.tmp == NULL);
  INT_EQ(of.fd, -1);
  INT_EQ(entries(dir), 1);
  INT_EQ(slurp(target, buf, sizeof buf), 15);
  STR_EQ(buf, "%PDF-1.7 eerste");
  outfile_abort(&of);                        /* twice is harmless */

  CASE("outfile_commit replaces an existing target");
  INT_EQ(outfile_open(&of, target), 0);
  INT_EQ(put(of.fd, "tweede"), 0);
  INT_EQ(outfile_commit(&of), 0);
  INT_EQ(slurp(target, buf, sizeof buf), 6);
  STR_EQ(buf, "tweede");
  INT_EQ(entries(dir), 1);

  CASE("outfile_abort leaves no file");
  char other[256];
  snprintf(other, sizeof other, "%s/nieuw.pdf", dir);
  INT_EQ(outfile_open(&of, other), 0);
  INT_EQ(put(of.fd, "x"), 0);
  outfile_abort(&of);
  INT_EQ(access(other, F_OK), -1);
  INT_EQ(entries(dir), 1);

  CASE("outfile_open in a missing directory fails with errno");
  char missing[256];
  snprintf(missing, sizeof missing, "%s/bestaat-niet/brief.pdf", dir);
  errno = 0;
  INT_EQ(outfile_open(&of, missing), -1);
  INT_EQ(errno, ENOENT);
  OK(of.tmp == NULL);
  OK(of.fd < 0);
  outfile_abort(&of);                        /* harmless after a failed open */

  CASE("outfile_commit failure removes the temporary file");
  {
    /* A directory stands where the file should go: rename() fails. */
    char blocked[256];
    snprintf(blocked, sizeof blocked, "%s/map.pdf", dir);
    OK(mkdir(blocked, 0700) == 0);
    char inside[300];
    snprintf(inside, sizeof inside, "%s/x", blocked);
    int fd = open(inside, O_WRONLY | O_CREAT, 0600);     /* not empty: EISDIR/ENOTEMPTY */
    if (fd >= 0) close(fd);
    INT_EQ(outfile_open(&of, blocked), 0);
    INT_EQ(put(of.fd, "data"), 0);
    errno = 0;
    INT_EQ(outfile_commit(&of), -1);
    OK(errno != 0);
    OK(of.tmp == NULL);
    INT_EQ(entries(dir), 2);                 /* brief.pdf and map.pdf only */
    unlink(inside);
    rmdir(blocked);
  }

  unlink(target);
  INT_EQ(rmdir(dir), 0);                     /* empty: nothing was left behind */
}
