#!/bin/sh
# Golden diagnostic tests for beeldbrief (see README.md in this folder).
#
#   sh tests/golden/run.sh          from any directory
#   BEELDBRIEF=path/to/beeldbrief   the binary under test (default ./beeldbrief
#                                   in the repository root)
#
# Prints "ok NAME" or "FAIL NAME" plus details per case and ends with one
# line "N passed, N failed"; exits 1 when anything failed.
set -u
cd "$(dirname "$0")/../.." || exit 1
BEELDBRIEF=${BEELDBRIEF:-./beeldbrief}
BEELDBRIEF_DATA=${BEELDBRIEF_DATA:-$PWD}
NO_COLOR=1
LC_ALL=C
export BEELDBRIEF_DATA NO_COLOR LC_ALL

T=$(mktemp -d "${TMPDIR:-/tmp}/beeldbrief-golden.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'exit 130' HUP INT TERM

pass=0
fail=0
if diff -a /dev/null /dev/null >/dev/null 2>&1; then DIFF="diff -a -u"; else DIFF="diff -u"; fi

ok() { echo "ok $1"; pass=$((pass + 1)); }
failed() {
  echo "FAIL $1"
  sed 's/^/    /' "$T/why"
  fail=$((fail + 1))
}
why() { printf '%s\n' "$*" >>"$T/why"; }

# bb ARGS...: runs the binary with a time limit; sets $rc and leaves its
# output in $T/stdout and $T/stderr. run OUTDIR ARGS...: the same after
# making OUTDIR a fresh, empty folder.
fresh() { rm -rf "$1" && mkdir -p "$1"; }
bb() {
  timeout 20 "$BEELDBRIEF" "$@" >"$T/stdout" 2>"$T/stderr"
  rc=$?
}
run() { fresh "$1"; shift; bb "$@"; }

# Common checks after a failing build: no crash or time-out, exit 2,
# nothing on stdout, and nothing at all written to the output folder.
check_refused() {
  outdir=$1
  case $rc in
    124) why "timed out after 20 s" ;;
    2) ;;
    *) why "exit $rc, expected 2" ;;
  esac
  [ -s "$T/stdout" ] && why "unexpected stdout: $(head -c 200 "$T/stdout")"
  left=$(ls -A "$outdir")
  [ -n "$left" ] && why "output folder not empty after a failed build: $left"
  return 0
}

# first_line_is TEXT: the first line of stderr must be exactly TEXT.
first_line_is() {
  got=$(head -n 1 "$T/stderr" | head -c 300)
  [ "$got" = "$1" ] || { why "first line of stderr:"; why "  got:      $got"; why "  expected: $1"; }
}

verdict() { if [ -s "$T/why" ]; then failed "$1"; else ok "$1"; fi; : >"$T/why"; }
: >"$T/why"

# ---- 1. golden bad specs --------------------------------------------------
for spec in tests/golden/bad/*.yaml; do
  name=$(basename "$spec" .yaml)
  expect=tests/golden/bad/$name.expect
  if [ ! -f "$expect" ]; then why "missing $expect"; verdict "$name"; continue; fi
  run "$T/out" build "$spec" -o "$T/out/out.pdf"
  { echo "exit $rc"; cat "$T/stderr"; } >"$T/actual"
  if ! cmp -s "$expect" "$T/actual"; then
    $DIFF "$expect" "$T/actual" | sed '1,2d' >>"$T/why"
  fi
  check_refused "$T/out"
  verdict "$name"
done

# ---- 2. good specs build (the bad cases derive from good/minimal.yaml) -----
for spec in tests/golden/good/*.yaml; do
  run "$T/out" build "$spec" -o "$T/out/out.pdf"
  [ "$rc" -eq 0 ] || why "exit $rc, expected 0"
  [ -s "$T/stderr" ] && why "stderr: $(head -c 500 "$T/stderr")"
  [ "$(head -c 5 "$T/out/out.pdf" 2>/dev/null)" = "%PDF-" ] || why "out.pdf is not a PDF"
  [ "$(ls -A "$T/out")" = "out.pdf" ] || why "output folder holds: $(ls -A "$T/out")"
  verdict "good-$(basename "$spec" .yaml)"
done

# ---- 3. big and hostile inputs, generated here ----------------------------
G=$T/gen
mkdir -p "$G"

# hostile NAME FILE LINE:COL RULE FIRST-LINE
hostile() {
  run "$T/out" build "$2" -o "$T/out/out.pdf"
  check_refused "$T/out"
  first_line_is "$2:$3: error: $5 [$4]"
  grep -q "^$2:$3: error: .* \[$4\]\$" "$T/stderr" || why "no '$2:$3: error: ... [$4]' in stderr"
  size=$(wc -c <"$T/stderr")
  [ "$size" -le 4096 ] || why "stderr is $size bytes; a diagnostic should not echo the input"
  verdict "$1"
}

# A 5 MB value on line 2, column 10.
{ echo 'kind: uitnodiging'; printf 'subject: '; head -c 5242880 /dev/zero | tr '\0' A; echo; } >"$G/big-scalar.yaml"
hostile big-scalar "$G/big-scalar.yaml" 2:10 spec.limit \
  "value is 5242880 bytes long; the limit is 65536"

# Billion laughs: the first alias is '*a' on line 2, column 8.
awk 'BEGIN {
  printf "a: &a [\"lol\""; for (i = 1; i < 10; i++) printf ",\"lol\""; print "]"
  split("a b c d e f g h i j", n, " ")
  for (k = 2; k <= 10; k++) {
    printf "%s: &%s [*%s", n[k], n[k], n[k-1]
    for (i = 1; i < 10; i++) printf ",*%s", n[k-1]
    print "]"
  }
}' >"$G/billion-laughs.yaml"
hostile billion-laughs "$G/billion-laughs.yaml" 2:8 spec.alias \
  "alias '*a' is not allowed in a letter spec; write the value out or use a standard text block"

# 10,000 nested flow sequences: the 33rd '[' is one level too deep.
awk 'BEGIN { s = "[[[[[[[[[["; t = "]]]]]]]]]]"
  for (i = 0; i < 1000; i++) printf "%s", s; for (i = 0; i < 1000; i++) printf "%s", t; print "" }' \
  >"$G/deep-flow.yaml"
hostile deep-flow "$G/deep-flow.yaml" 1:33 spec.limit \
  "nesting is deeper than 32 levels; a letter spec never needs this"

# 10,000 nested block sequences "- - - ... x": the 33rd '-' is at column 65.
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "- "; print "x" }' >"$G/deep-block.yaml"
hostile deep-block "$G/deep-block.yaml" 1:65 spec.limit \
  "nesting is deeper than 32 levels; a letter spec never needs this"

# 10,000 nested block mappings written compactly as "- a:" items would need
# 50 MB of indentation; 40 levels of real indentation show the same limit:
# the mapping that opens on line 33 at column 33 is the 33rd level.
awk 'BEGIN { for (i = 0; i < 40; i++) { for (j = 0; j < i; j++) printf " "; print "a:" } }' \
  >"$G/deep-indent.yaml"
hostile deep-indent "$G/deep-indent.yaml" 33:33 spec.limit \
  "nesting is deeper than 32 levels; a letter spec never needs this"

# 200,000 keys "kN: v": the 100,001st value (map + 100,000 scalars) is the
# value of key 50,000, at line 50000, column 9.
awk 'BEGIN { for (i = 1; i <= 200000; i++) printf "k%d: v\n", i }' >"$G/many-keys.yaml"
hostile many-keys "$G/many-keys.yaml" 50000:9 spec.limit \
  "the spec has more than 100000 values; a letter spec never needs this"

# 1 MB of binary garbage from a fixed seed: mostly ASCII with line breaks,
# control bytes, some valid "é" and "€", and a few random high bytes (1-255:
# not every awk prints NUL). Where the first invalid UTF-8 byte falls depends
# on the awk at hand, so a small UTF-8 checker written here, independent of
# the program's, works out its LINE:COL (characters, not bytes).
awk 'BEGIN { srand(3)
  for (i = 0; i < 1024; i++) { s = ""
    for (j = 0; j < 1024; j++) { r = rand()
      if (r < 0.80) c = sprintf("%c", 32 + int(rand() * 95))
      else if (r < 0.88) c = "\n"
      else if (r < 0.90) c = "\r"
      else if (r < 0.95) c = sprintf("%c", 1 + int(rand() * 31))
      else if (r < 0.995) c = (rand() < 0.5) ? "\303\251" : "\342\202\254"
      else c = sprintf("%c", 128 + int(rand() * 128))
      s = s c }
    printf "%s", s } }' >"$G/garbage.yaml"
garbage_where=$(od -An -tu1 -v -N 65536 "$G/garbage.yaml" | awk '
  function cont(i) { return b[i] >= 128 && b[i] < 192 }
  { for (f = 1; f <= NF; f++) b[n++] = $f + 0 }
  END {
    line = 1; col = 1; i = 0
    while (i < n) {
      c = b[i]; len = 0
      if (c == 0) { printf "%d:%d NUL\n", line, col; exit }
      if (c == 10) { line++; col = 1; i++; continue }
      if (c == 13) { line++; col = 1; i += (b[i+1] == 10) ? 2 : 1; continue }
      if (c < 128) len = 1
      else if (c >= 194 && c <= 223) len = cont(i+1) ? 2 : 0
      else if (c == 224) len = (b[i+1] >= 160 && b[i+1] < 192 && cont(i+2)) ? 3 : 0
      else if ((c >= 225 && c <= 236) || c == 238 || c == 239) len = (cont(i+1) && cont(i+2)) ? 3 : 0
      else if (c == 237) len = (b[i+1] >= 128 && b[i+1] < 160 && cont(i+2)) ? 3 : 0
      else if (c == 240) len = (b[i+1] >= 144 && b[i+1] < 192 && cont(i+2) && cont(i+3)) ? 4 : 0
      else if (c >= 241 && c <= 243) len = (cont(i+1) && cont(i+2) && cont(i+3)) ? 4 : 0
      else if (c == 244) len = (b[i+1] >= 128 && b[i+1] < 144 && cont(i+2) && cont(i+3)) ? 4 : 0
      if (len == 0) { printf "%d:%d %02X\n", line, col, c; exit }
      if (c == 194 && b[i+1] == 133) { line++; col = 1; i += 2; continue }          # NEL
      if (c == 226 && b[i+1] == 128 && (b[i+2] == 168 || b[i+2] == 169)) { line++; col = 1; i += 3; continue }
      i += len; col++
    }
    print "none"
  }')
case $garbage_where in
  *NUL) garbage_msg="file contains a NUL byte; is this a binary file?" ;;
  none) garbage_msg="(the generator made valid UTF-8)" ;;
  *) garbage_msg="invalid UTF-8 byte 0x${garbage_where#* }; save the spec as UTF-8" ;;
esac
[ -n "${GOLDEN_DEBUG:-}" ] && echo "binary-garbage-1mb: first bad byte at $garbage_where"
hostile binary-garbage-1mb "$G/garbage.yaml" "${garbage_where% *}" spec.encoding "$garbage_msg"

# 300 KB of random YAML punctuation: whatever it says, it must be a
# located error, exit 2, quickly and without a crash.
awk 'BEGIN { srand(2); split("[ ] { } : , - ? & * ! | > \047 \" % @ # a b :", t, " ")
  t[22] = " "; t[23] = "\n"; t[24] = "  "; t[25] = "\t"
  for (i = 0; i < 200000; i++) printf "%s", t[int(rand() * 25) + 1] }' >"$G/punctuation.yaml"
run "$T/out" build "$G/punctuation.yaml" -o "$T/out/out.pdf"
check_refused "$T/out"
grep -q "^$G/punctuation.yaml:[0-9][0-9]*:[0-9][0-9]*: error: .* \[spec\.[a-z-]*\]\$" "$T/stderr" ||
  why "no located error in stderr: $(head -c 300 "$T/stderr")"
verdict yaml-punctuation-fuzz

# A file over the 16 MiB input limit: refused before parsing, no line:col.
head -c 17000000 /dev/zero | tr '\0' '#' >"$G/too-large.yaml"
run "$T/out" build "$G/too-large.yaml" -o "$T/out/out.pdf"
check_refused "$T/out"
first_line_is "$G/too-large.yaml: error: cannot read the spec: file is larger than 16 MiB [io.read]"
verdict too-large-file
rm -rf "$G"

# ---- 4. input and output errors -------------------------------------------

# expect_stderr NAME TEXT: all of stderr must be TEXT.
expect_stderr() {
  printf '%s\n' "$1" >"$T/expected"
  cmp -s "$T/expected" "$T/stderr" || $DIFF "$T/expected" "$T/stderr" | sed '1,2d' >>"$T/why"
}

run "$T/out" build tests/golden/does-not-exist.yaml -o "$T/out/out.pdf"
check_refused "$T/out"
expect_stderr "tests/golden/does-not-exist.yaml: error: cannot read the spec: No such file or directory [io.read]"
verdict io-missing-spec

run "$T/out" build tests/golden/bad -o "$T/out/out.pdf"
check_refused "$T/out"
expect_stderr "tests/golden/bad: error: cannot read the spec: is a directory [io.read]"
verdict io-spec-is-directory

# -o inside a "folder" that is a regular file.
fresh "$T/out"
: >"$T/out/file"
bb build tests/golden/good/minimal.yaml -o "$T/out/file/out.pdf"
[ -s "$T/out/file" ] && why "the regular file in the way was written to"
rm -f "$T/out/file"
check_refused "$T/out"
expect_stderr "$T/out/file/out.pdf: error: cannot write the PDF: Not a directory [io.write]"
verdict io-output-parent-is-file

run "$T/out" build tests/golden/good/minimal.yaml -o /proc/nope/x.pdf
check_refused "$T/out"
expect_stderr "/proc/nope/x.pdf: error: cannot write the PDF: No such file or directory [io.write]"
verdict io-output-in-proc

# -o names a folder: the temporary file is made beside it, then rename()
# fails; the temporary file must be gone afterwards.
fresh "$T/out"
mkdir "$T/out/dir"
bb build tests/golden/good/minimal.yaml -o "$T/out/dir"
rmdir "$T/out/dir" 2>/dev/null || why "the folder named by -o was changed: $(ls -A "$T/out/dir")"
check_refused "$T/out"
expect_stderr "$T/out/dir: error: cannot write the PDF: Is a directory [io.write]"
verdict io-output-is-directory

# A bad spec must leave an existing output file byte for byte as it was.
for spec in tests/golden/bad/unknown-key-top.yaml tests/golden/bad/yaml-unclosed-quote.yaml \
            tests/golden/bad/var-undefined.yaml tests/golden/bad/invalid-utf8.yaml; do
  rm -rf "$T/keep" && mkdir "$T/keep"
  printf '%%PDF-1.5 an earlier letter\n\001\002\003\n' >"$T/keep/out.pdf"
  cp "$T/keep/out.pdf" "$T/before.pdf"
  bb build "$spec" -o "$T/keep/out.pdf"
  [ "$rc" -eq 2 ] || why "$spec: exit $rc, expected 2"
  cmp -s "$T/before.pdf" "$T/keep/out.pdf" || why "$spec: the existing output file was changed"
  [ "$(ls -A "$T/keep")" = "out.pdf" ] || why "$spec: output folder holds: $(ls -A "$T/keep")"
done
verdict io-bad-spec-keeps-existing-output

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
