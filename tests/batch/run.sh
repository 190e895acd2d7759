#!/bin/sh
# beeldbrief batch: a mailing from examples/mailing/brief.yaml and a data
# file. Every input record appears in the manifest exactly once; bad
# records are rejected with a reason while the rest goes on; a run killed
# with kill -9 finishes when it is started again; shards are disjoint and
# together the whole mailing.
. "$(dirname "$0")/../lib.sh"
TPL=examples/mailing/brief.yaml
CSV=examples/mailing/ontvangers.csv

# The manifest of DIR: data lines (without the header). A script, so that
# the `sh -c` of a check finds it too.
mkdir -p "$T/bin"
printf '#!/bin/sh\ntail -n +2 "$1/manifest.csv"\n' >"$T/bin/rows"
printf '#!/bin/sh\ntail -n +2 "%s/bad/manifest.csv" | sed -n "$1p" | cut -d, -f7-\n' "$T" >"$T/bin/reason"
chmod +x "$T/bin/rows" "$T/bin/reason"
PATH="$T/bin:$PATH"
export PATH
# Each ok letter's sha256 in the manifest is the file's own.
sums_match() {
  rows "$1" | awk -F, '$2 == "ok" { print $6 "  " $3 }' >"$T/sums"
  [ -s "$T/sums" ] && (cd "$1" && sha256sum -c --quiet "$T/sums")
}
# Every ok letter is a complete PDF with the pages the manifest says.
pdfs_complete() {
  rows "$1" | awk -F, '$2 == "ok" { print $3, $4 }' | while read -r f pages; do
    got=$(pdfinfo "$1/$f" 2>/dev/null | sed -n 's/^Pages: *//p')
    [ "$got" = "$pages" ] || { echo "  $f: pages '$got', manifest $pages"; exit 1; }
  done
}
no_temp_files() { ! ls -a "$1" | grep -q '\.tmp-'; }

# ---- the example mailing -------------------------------------------------------------------
n=$(($(grep -c '' "$CSV") - 1))
"$B" batch "$TPL" --data "$CSV" -o "$T/m" 2>"$T/err"
check "example: exit 0 and a summary line" sh -c "test $? -eq 0 && grep -q '$n records: $n letters, 0 rejected' '$T/err'"
check "example: at least 50 recipients ($n)" test "$n" -ge 50
check "example: manifest header" test "$(head -1 "$T/m/manifest.csv")" = "id,status,file,pages,sheets,sha256,reason"
check "example: every record once, in the order of the data" \
  sh -c "rows '$T/m' | cut -d, -f1 >'$T/got'; tail -n +2 '$CSV' | cut -d, -f1 | cmp -s - '$T/got'"
check "example: a PDF per letter, named from the id" \
  test "$(ls "$T/m"/*.pdf | wc -l)" -eq "$n" -a -f "$T/m/W0001.pdf"
check "example: the sha256 in the manifest is each file's" sums_match "$T/m"
pdfs_complete "$T/m" >"$T/out" 2>&1
check "example: every PDF opens with the manifest's page count" test $? -eq 0
check "example: sheets are pages/2, rounded up (duplex)" \
  sh -c "rows '$T/m' | awk -F, '\$2 == \"ok\" && \$5 != int((\$4 + 1) / 2) { bad = 1 } END { exit bad }'"
check "example: the letter carries the record's name and address" \
  sh -c "pdftotext '$T/m/W0002.pdf' - | grep -q 'R. Vos' && pdftotext '$T/m/W0002.pdf' - | grep -q '4330 GB *MIDDELBURG'"
pdftotext "$T/m/W0002.pdf" - >"$T/w2.txt"
pdftotext "$T/m/W0001.pdf" - >"$T/w1.txt"
pdftotext "$T/m/W0004.pdf" - >"$T/w4.txt"
check "filters: a date as 'maandag 25 januari 2027' (2027-01-25 | datum)" grep -q "maandag 25 januari" "$T/w2.txt"
check "filters: an amount as '€ 998,09' (998.09 | bedrag)" grep -qF "€ 998,09 per maand" "$T/w2.txt"
check "filters: 'Beste meneer De Haan' for de Haan (| hoofdletter), the name line unchanged" \
  sh -c "grep -q 'Beste meneer De Haan,' '$T/w4.txt' && grep -q '^T. de Haan$' '$T/w4.txt'"
check "conditions: the toeslag block is in a letter with toeslag=ja" grep -q "U krijgt ook een toeslag" "$T/w2.txt"
check "conditions: and not in one without" sh -c "! grep -q 'toeslag' '$T/w1.txt'"
check "example: no output on stderr but the summary when it is not a terminal" test "$(grep -c '' "$T/err")" -eq 1
if command -v script >/dev/null 2>&1; then
  script -qec "'$B' batch '$TPL' --data '$CSV' -o '$T/tty'" /dev/null >"$T/tty.out" 2>&1
  check "progress: on a terminal, letters done/total, letters per second, ETA and rejections" \
    grep -q "$n/$n letters  [0-9]*/s  ETA [0-9]*:[0-9][0-9]  0 rejected" "$T/tty.out"
  script -qec "'$B' batch '$TPL' --data '$CSV' -o '$T/tty2' -q" /dev/null >"$T/tty.out" 2>&1
  check "progress: --quiet keeps a terminal quiet but for the summary" \
    sh -c "! grep -q 'letters  [0-9]*/s' '$T/tty.out' && grep -q '$n records' '$T/tty.out'"
fi
"$B" batch "$TPL" --data "$CSV" -o "$T/m" 2>"$T/err"
check "example: the same command again makes nothing new, and says so" \
  grep -q "0 made in .*, $n done by an earlier run" "$T/err"

# ---- bad records -------------------------------------------------------------------------------
"$B" batch "$TPL" --data tests/batch/data/slecht.csv -o "$T/bad" 2>"$T/err"
check "bad records: exit 0, the batch goes on" test $? -eq 0
status() { rows "$T/bad" | sed -n "$1p" | cut -d, -f2; }
check "bad records: 14 rows in, 14 lines in the manifest" test "$(rows "$T/bad" | wc -l)" -eq 14
check "bad records: a bad postcode (12345) is rejected" \
  sh -c "test '$(status 3)' = rejected && reason 3 | grep -q \"not a Dutch postcode\""
reason 3 | grep -q "not a Dutch postcode" && ok "bad records: the reason names the postcode rule" || bad "bad records: postcode reason" "$(reason 3)"
check "bad records: an empty achternaam is rejected" sh -c "test '$(status 4)' = rejected"
reason 4 | grep -q "'achternaam' is empty" && ok "bad records: the reason names the empty field" || bad "bad records: empty reason" "$(reason 4)"
reason 5 | grep -q "line 6: the row has 7 fields where the header has 11" &&
  ok "bad records: a row with the wrong number of columns, with its line" || bad "bad records: columns" "$(reason 5)"
check "bad records: markup in a value is a letter (ok)" test "$(status 6)" = ok
pdftotext "$T/bad/B0004.pdf" - >"$T/b4.txt"
check "bad records: markup in a value is printed as it is: <b>Jansen</b> & Zn" \
  grep -qF 'Beste meneer <b>Jansen</b> & Zn,' "$T/b4.txt"
reason 7 | grep -q "line 8: invalid UTF-8" && ok "bad records: invalid UTF-8, with its line" || bad "bad records: utf-8" "$(reason 7)"
reason 8 | grep -q "line 9: the id 'B0001' is used before, on line 4" &&
  ok "bad records: a duplicate id, with both lines" || bad "bad records: duplicate" "$(reason 8)"
reason 9 | grep -q "line 10: the record has no id" && ok "bad records: no id" || bad "bad records: no id" "$(reason 9)"
reason 10 | grep -q "line 11: broken quoting" && ok "bad records: broken quoting, with its line" || bad "bad records: quoting" "$(reason 10)"
check "bad records: the record after broken quoting is not lost (B0009, quoted fields with \"\")" \
  sh -c "test '$(status 11)' = ok && pdftotext '$T/bad/B0009.pdf' - | grep -qF 'van \"de\" Berg'"
reason 12 | grep -q "postcode '3511ab' is written '3511 AB'" &&
  ok "bad records: a postcode in the wrong form, with the right one" || bad "bad records: 3511ab" "$(reason 12)"
reason 13 | grep -q "betaaldag: '31-02-2027' is not a date" &&
  ok "bad records: a date the datum filter cannot read" || bad "bad records: date" "$(reason 13)"
reason 14 | grep -q "bedrag: '12,50' is not an amount" &&
  ok "bad records: an amount the bedrag filter cannot read" || bad "bad records: amount" "$(reason 14)"
check "bad records: rejected records have no PDF" test "$(ls "$T/bad"/*.pdf | wc -l)" -eq 4

# ---- JSON Lines ---------------------------------------------------------------------------------
"$B" batch "$TPL" --data tests/batch/data/ontvangers.jsonl -o "$T/jl" 2>/dev/null
check "jsonl: 6 records (the blank line skipped): 3 letters, 3 rejected with their lines" \
  sh -c "test \$(rows '$T/jl' | wc -l) -eq 6 && test \$(rows '$T/jl' | grep -c ',ok,') -eq 3 &&
         rows '$T/jl' | grep -q 'line 4: the field .achternaam. is not a text' &&
         rows '$T/jl' | grep -q 'line 5: not valid JSON' && rows '$T/jl' | grep -q 'line 6: not a JSON object'"
check "jsonl: a number as id names the file (2.pdf)" test -f "$T/jl/2.pdf"

# ---- the print file (--combined) -------------------------------------------------------------------
# A template whose long blocks depend on a field: letters of 1 and of 2 pages.
sed 's/^  - timeline:$/  - if: toeslag\n    timeline:/; s/^  - callout:$/  - if: toeslag\n    callout:/
     s/^  - standard: hulp-bij-lezen$/  - standard: hulp-bij-lezen\n    if: toeslag/' "$TPL" >"$T/kort.yaml"
"$B" batch "$T/kort.yaml" --data "$CSV" -o "$T/pr" --combined "$T/pr/print.pdf" 2>/dev/null
check "combined: exit 0 and a print file" test $? -eq 0 -a -f "$T/pr/print.pdf"
one=$(rows "$T/pr" | awk -F, '$4 == 1' | wc -l)
two=$(rows "$T/pr" | awk -F, '$4 == 2' | wc -l)
check "combined: the mailing has letters of 1 page ($one) and of 2 ($two)" test "$one" -gt 0 -a "$two" -gt 0
check "combined: every letter padded to an even number of pages: $(( 2 * one + 2 * two )) pages" \
  test "$(pdfinfo "$T/pr/print.pdf" | sed -n 's/^Pages: *//p')" -eq $((2 * one + 2 * two))
pdftotext "$T/pr/print.pdf" - | grep -oE '^[1-9][0-9]{3} [A-Z]{2} +[A-Z][A-Z -]+$' | cut -c1-7 >"$T/pcs"
check "combined: all $n letters, sorted by postcode" \
  sh -c "test \$(grep -c '' '$T/pcs') -eq $n && sort -c '$T/pcs'"
check "combined: a letter starts on an odd page (a new sheet in duplex)" \
  sh -c "for p in \$(pdftotext '$T/pr/print.pdf' - | awk 'BEGIN{RS=\"\\f\"} /Beste (meneer|mevrouw)/ {print NR}'); do
           test \$((p % 2)) -eq 1 || exit 1; done"
check "combined: no temporary files left" no_temp_files "$T/pr"

# ---- a worker that crashes ----------------------------------------------------------------------
BEELDBRIEF_TEST_CRASH_ID=W0005 "$B" batch "$TPL" --data "$CSV" -o "$T/crash" --jobs 2 2>/dev/null
check "crash: the batch finishes (exit 0)" test $? -eq 0
check "crash: the record is rejected, named by its signal" \
  sh -c "rows '$T/crash' | grep -q '^W0005,rejected,,0,0,,making this letter stopped the worker (signal 6)'"
check "crash: every other record is a letter" test "$(rows "$T/crash" | grep -c ',ok,')" -eq $((n - 1))

# ---- kill -9 and resume ---------------------------------------------------------------------------
# 300 records: the example's recipients five times, with new ids.
{ head -1 "$CSV"; for k in 1 2 3 4 5; do tail -n +2 "$CSV" | sed "s/^W/K$k-/"; done; } >"$T/groot.csv"
total=$(($(grep -c '' "$T/groot.csv") - 1))
kills=0
for wait in 0.4 1.2 0.8; do
  setsid "$B" batch "$TPL" --data "$T/groot.csv" -o "$T/res" --jobs 2 2>/dev/null &
  pid=$!
  sleep "$wait"
  kill -9 -- -"$pid" 2>/dev/null && kills=$((kills + 1))
  wait "$pid" 2>/dev/null
done
done_before=$(($(grep -c '' "$T/res/.beeldbrief-journal" 2>/dev/null || echo 1) - 1))
"$B" batch "$TPL" --data "$T/groot.csv" -o "$T/res" --jobs 2 2>"$T/err"
check "resume: killed $kills times (kill -9 on the whole group), then finished: exit 0" test $? -eq 0
check "resume: some records were done before the last run ($done_before)" test "$done_before" -gt 0
check "resume: every record exactly once ($total), no duplicates" \
  sh -c "test \$(rows '$T/res' | wc -l) -eq $total && test -z \"\$(rows '$T/res' | cut -d, -f1 | sort | uniq -d)\""
check "resume: all $total are letters" test "$(rows "$T/res" | grep -c ',ok,')" -eq "$total"
check "resume: no PDF beyond the manifest" test "$(ls "$T/res"/*.pdf | wc -l)" -eq "$total"
check "resume: no stale temporary files" no_temp_files "$T/res"
check "resume: no truncated PDF: every sha256 matches" sums_match "$T/res"
"$B" batch "$TPL" --data "$T/groot.csv" -o "$T/fresh" --jobs 2 2>/dev/null
check "resume: the letters are the bytes of an uninterrupted run" \
  sh -c "rows '$T/res' | cut -d, -f1,6 | sort >'$T/a'; rows '$T/fresh' | cut -d, -f1,6 | sort >'$T/b'; cmp -s '$T/a' '$T/b'"
"$B" batch "$TPL" --data "$CSV" -o "$T/res" 2>"$T/err"
check "resume: a folder of another mailing is refused (exit 2)" \
  sh -c "test $? -eq 2 && grep -q 'holds another mailing' '$T/err'"

# ---- shards ---------------------------------------------------------------------------------------
if command -v parallel >/dev/null 2>&1; then
  parallel --will-cite "$B" batch "$TPL" --data "$T/groot.csv" -o "$T/shard{}" --shard {}/4 --jobs 1 -q \
    ::: 1 2 3 4 2>/dev/null
  check "shards: GNU parallel ran 4 shards (exit 0)" test $? -eq 0
  "$B" merge-manifests -o "$T/all.csv" "$T"/shard1/manifest.csv "$T"/shard2/manifest.csv \
    "$T"/shard3/manifest.csv "$T"/shard4/manifest.csv 2>"$T/err"
  check "shards: merge-manifests joins them (exit 0)" test $? -eq 0
  check "shards: disjoint and together the whole mailing ($total records once)" \
    sh -c "tail -n +2 '$T/all.csv' | cut -d, -f1 | sort >'$T/u'; tail -n +2 '$T/groot.csv' | cut -d, -f1 | sort | cmp -s - '$T/u'"
  check "shards: each shard has part of it" \
    sh -c "for k in 1 2 3 4; do test \$(rows '$T/shard'\$k | wc -l) -gt 20 || exit 1; done"
  check "shards: the same letters as one run" \
    sh -c "tail -n +2 '$T/all.csv' | cut -d, -f1,6 | sort >'$T/a'; rows '$T/fresh' | cut -d, -f1,6 | sort | cmp -s - '$T/a'"
  "$B" merge-manifests -o "$T/dup.csv" "$T/shard1/manifest.csv" "$T/shard1/manifest.csv" 2>"$T/err"
  check "shards: a record in two manifests is refused (exit 2)" \
    sh -c "test $? -eq 2 && grep -q 'shards must not overlap' '$T/err'"
else
  bad "shards: GNU parallel is not installed (make deps installs it)"
fi
SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=4 \
  "$B" batch "$TPL" --data "$T/groot.csv" -o "$T/slurm" -q 2>/dev/null
JOB_COMPLETION_INDEX=1 BEELDBRIEF_SHARDS=4 "$B" batch "$TPL" --data "$T/groot.csv" -o "$T/k8s" -q 2>/dev/null
"$B" batch "$TPL" --data "$T/groot.csv" -o "$T/s2" --shard 2/4 -q 2>/dev/null
check "shards: a Slurm array task (id 2 of 4, from 1) is shard 2/4" \
  sh -c "rows '$T/slurm' | cut -d, -f1 >'$T/a'; rows '$T/s2' | cut -d, -f1 | cmp -s - '$T/a'"
check "shards: a Kubernetes completion index 1 with BEELDBRIEF_SHARDS=4 is shard 2/4" \
  sh -c "rows '$T/k8s' | cut -d, -f1 >'$T/a'; rows '$T/s2' | cut -d, -f1 | cmp -s - '$T/a'"

# ---- usage and unusable input ----------------------------------------------------------------
for bad_args in "--data $CSV" "-o $T/x" "--data $CSV -o $T/x --shard 5/4" "--data $CSV -o $T/x --shard 0/4" \
                "--data $CSV -o $T/x --jobs 0"; do
  "$B" batch "$TPL" $bad_args >/dev/null 2>&1
  check "usage: batch $bad_args exits 2" test $? -eq 2
done
JOB_COMPLETION_INDEX=0 "$B" batch "$TPL" --data "$CSV" -o "$T/x" >/dev/null 2>&1
check "usage: JOB_COMPLETION_INDEX without BEELDBRIEF_SHARDS exits 2" test $? -eq 2
printf 'naam,postcode\nA,1234 AB\n' >"$T/geen-id.csv"
"$B" batch "$TPL" --data "$T/geen-id.csv" -o "$T/x" 2>"$T/err"
check "data: a CSV without an id column is refused at file:1:1, exit 2" \
  sh -c "test $? -eq 2 && grep -q 'geen-id.csv:1:1: error: the header has no .id. column' '$T/err'"
cut -d, -f1-10 "$CSV" >"$T/zonder.csv"
"$B" batch "$TPL" --data "$T/zonder.csv" -o "$T/x3" 2>"$T/err"
check "data: a CSV without a column the template uses is refused before the mailing, at the placeholder" \
  sh -c "test $? -eq 2 && grep -q '^$TPL:[0-9]*:[0-9]*: error: the data file .*zonder.csv has no field .toeslag.' '$T/err' && test ! -e '$T/x3/manifest.csv'"
"$B" batch "$TPL" --data "$T/bestaat-niet.csv" -o "$T/x" >/dev/null 2>&1
check "data: a missing data file exits 2" test $? -eq 2
sed 's/^date: 2026-11-27$/date: 2027-02-30/' "$TPL" >"$T/kapot.yaml"
"$B" batch "$T/kapot.yaml" --data "$CSV" -o "$T/x2" >/dev/null 2>&1
check "template: a template with errors makes no letters" sh -c "test $? -ne 0 && test ! -e '$T/x2/manifest.csv'"

summary
