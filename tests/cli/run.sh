#!/bin/sh
# The command line end to end: help and usage errors, building the
# examples into real PDFs (size, fonts, text, positions), reproducible
# bytes, variables from --set, the page limit, lint summaries and exit
# codes. Needs poppler-utils (pdfinfo, pdffonts, pdftotext).
. "$(dirname "$0")/../lib.sh"
# expect_rc NAME RC CMD...: runs CMD, output in $T/out, asserts the exit code.
expect_rc() {
  name=$1 want=$2; shift 2
  "$@" >"$T/out" 2>&1; got=$?
  if [ "$got" -eq "$want" ]; then ok "$name"; else bad "$name" "exit $got, want $want"; sed 's/^/    /' "$T/out" | head -20; fi
}
has() { grep -q -- "$1" "$T/out"; }

REF=examples/uitnodiging-gesprek.yaml

# ---- help, version, usage errors -------------------------------------------
expect_rc help 0 "$B" --help
check help-lists-build has "build"
expect_rc version 0 "$B" --version
check version-text grep -q "^beeldbrief [0-9][0-9]*\.[0-9]" "$T/out"
expect_rc build-help 0 "$B" build --help
check build-help-text has "usage: beeldbrief build"
expect_rc lint-help 0 "$B" lint --help
expect_rc no-args 2 "$B"
expect_rc unknown-command 2 "$B" biuld x.yaml
check unknown-command-suggests has "did you mean 'build'"
expect_rc build-no-spec 2 "$B" build
check build-no-spec-hint has "try 'beeldbrief build --help'"
expect_rc build-two-specs 2 "$B" build "$REF" "$REF"
expect_rc build-bad-option 2 "$B" build --frobnicate "$REF"
expect_rc build-bad-max-pages 2 "$B" build --max-pages 0 "$REF"
expect_rc build-bad-set 2 "$B" build --set novalue "$REF"
expect_rc lint-no-files 2 "$B" lint

# ---- every example builds into an A4 PDF with embedded Open Sans --------------
for spec in examples/*.yaml; do
  n=$(basename "$spec" .yaml)
  expect_rc "build-$n" 0 "$B" build "$spec" -o "$T/$n.pdf"
  pdfinfo "$T/$n.pdf" >"$T/info" 2>&1
  check "a4-$n" grep -q "Page size: *595.27.* x 841.8.* pts (A4)" "$T/info"
  pdffonts "$T/$n.pdf" | tail -n +3 >"$T/fonts"
  check "fonts-embedded-$n" awk 'NF { n++; if ($(NF-4) != "yes") bad = 1 } END { exit (n == 0 || bad) }' "$T/fonts"
  check "font-open-sans-$n" sh -c "! grep -v OpenSans '$T/fonts' | grep -q ."
done

# ---- the reference letter's content and layout -----------------------------
pdftotext -layout "$T/uitnodiging-gesprek.pdf" "$T/ref.txt"
for want in "Uitnodiging voor een gesprek over werk" "Geachte mevrouw Dekker," \
            "U heeft een afspraak op woensdag 9 december" "Wat moet u doen?" \
            "Zo gaat het verder" "Pagina 1 van" "27 november 2026" "4813 GS *BREDA" \
            "A. de Boer"; do
  check "text: $want" grep -q "$want" "$T/ref.txt"
done
check "no-unfilled-variables" sh -c "! grep -q '{{' '$T/ref.txt'"
# Every page says "Pagina X van Y" with the right Y.
pages=$(pdfinfo "$T/uitnodiging-gesprek.pdf" | awk '/^Pages:/ { print $2 }')
check "page-footers" test "$(grep -c "Pagina [0-9] van $pages" "$T/ref.txt")" -eq "$pages"
# DIN 5008 type B: the recipient's name sits in the window (x 20-105 mm,
# y 45-90 mm; 1 mm = 2.835 pt).
pdftotext -bbox -f 1 -l 1 "$T/uitnodiging-gesprek.pdf" "$T/bbox.html"
check "address-in-window" awk -F'"' '/>J.T.</ { x = $2; y = $4;
  exit !(x >= 56.7 && x <= 297.6 && y >= 127.6 && y <= 255.1) }' "$T/bbox.html"
check "subject-below-window" awk -F'"' '/>Uitnodiging</ { y = $4; exit !(y >= 255.1) }' "$T/bbox.html"

# ---- same input, same bytes -------------------------------------------------------
"$B" build "$REF" -o "$T/again.pdf" >/dev/null 2>&1
check reproducible cmp -s "$T/uitnodiging-gesprek.pdf" "$T/again.pdf"
# Without a date in the spec, SOURCE_DATE_EPOCH fixes it.
sed '/^date:/d' "$REF" >"$T/nodate.yaml"
SOURCE_DATE_EPOCH=1795132800 "$B" build "$T/nodate.yaml" -o "$T/nodate1.pdf" >/dev/null 2>&1
SOURCE_DATE_EPOCH=1795132800 "$B" build "$T/nodate.yaml" -o "$T/nodate2.pdf" >/dev/null 2>&1
check reproducible-epoch cmp -s "$T/nodate1.pdf" "$T/nodate2.pdf"
pdftotext "$T/nodate1.pdf" - 2>/dev/null | grep -q "20 november 2026"
check "epoch-date-shown" test $? -eq 0

# ---- default output name, --set, --emit model -------------------------------------
cp "$REF" "$T/brief.yaml"
expect_rc default-output 0 "$B" build "$T/brief.yaml"
check default-output-file test -s "$T/brief.pdf"
expect_rc set-variable 0 "$B" build "$REF" --set naam="P. Visser" -o "$T/set.pdf"
pdftotext "$T/set.pdf" "$T/set.txt"
check set-variable-shown grep -q "P. Visser" "$T/set.txt"
expect_rc emit-model 0 "$B" build "$REF" --emit model
check emit-model-positions grep -q '^6:10 subject = "Uitnodiging voor een gesprek over werk"$' "$T/out"

# ---- building a spec into itself is refused, the spec stays -------------------------
cp "$REF" "$T/self.yaml"
expect_rc output-is-spec 2 "$B" build "$T/self.yaml" -o "$T/self.yaml"
check output-is-spec-kept cmp -s "$REF" "$T/self.yaml"

# ---- readability figures per letter and per block ----------------------------------
"$B" build "$REF" --emit metrics >"$T/metrics" 2>/dev/null
check emit-metrics-letter grep -q '^{"letter": {"sentences": [1-9][0-9]*, ' "$T/metrics"
# The reference letter has 9 blocks (action, timeline, 6 paragraphs, contact).
check emit-metrics-blocks test "$(grep -c '"block": ' "$T/metrics")" -eq 9
check emit-metrics-types grep -q '"block": 9, "type": "contact", "line": 95' "$T/metrics"
"$B" lint "$REF" >"$T/out" 2>&1
check lint-figures grep -q "uitnodiging-gesprek.yaml: [0-9]* sentences, [0-9.]* words per sentence, Flesch-Douma [0-9]*, [0-9]*% frequent words, level [ABC][12]$" "$T/out"

# ---- the page limit is a finding, and no file is written ----------------------------
expect_rc max-pages 1 "$B" build "$REF" --max-pages 1 -o "$T/long.pdf"
check max-pages-message has "render.pages"
check max-pages-no-file test ! -e "$T/long.pdf"

# ---- lint ------------------------------------------------------------------------------
expect_rc lint-clean 0 "$B" lint examples/*.yaml
# The examples keep the reference letter's own wording, which has some
# long sentences: warnings, never errors.
check lint-summary grep -q "^0 errors, [0-9]* warnings in [0-9]* files*$" "$T/out"
printf 'kind: uitnodiging\nsubject: Test\nonbekend: 1\n' >"$T/bad.yaml"
expect_rc lint-invalid 2 "$B" lint "$REF" "$T/bad.yaml"
check lint-invalid-location has "$T/bad.yaml:3:1: error: unknown key 'onbekend'"
check lint-invalid-summary grep -q "^5 errors, [0-9]* warnings in 2 files$" "$T/out"
# Unknown top-level key on line N: FILE:N:1 naming the key.
awk 'NR == 8 { print "ontvanger: x" } { print }' "$REF" >"$T/unknown.yaml"
expect_rc unknown-key-line 2 "$B" build "$T/unknown.yaml" -o "$T/unknown.pdf"
check unknown-key-position has "^$T/unknown.yaml:8:1: error: unknown key 'ontvanger'"
check unknown-key-no-file test ! -e "$T/unknown.pdf"

summary
