#!/bin/sh
# beeldbrief lint for CI pipelines and editors (docs/ci.md): which files,
# the report formats, and the exit codes. JSON-based formats are checked
# with jq against the structure docs/ci.md documents.
. "$(dirname "$0")/../lib.sh"
jqc() { jq -e "$@" >/dev/null; }

mkdir -p "$T/set/sub" "$T/set/blocks"
cp examples/uitnodiging-gesprek.yaml "$T/set/a.yaml"
cp examples/herinnering-formulier.yaml "$T/set/sub/b.yml"
cp templates/blocks/bezwaar.yaml "$T/set/blocks/bezwaar.yaml"     # not a letter: skipped
printf 'kind: brief\n' >"$T/set/sub/kapot.txt"                      # not YAML: skipped

# ---- which files ----------------------------------------------------------------------
"$B" lint "$T/set" >"$T/out" 2>&1
check "a folder: its letters, in subfolders too (2 files)" grep -q ' in 2 files$' "$T/out"
check "a folder: findings sorted by file (a.yaml before sub/b.yml)" \
  sh -c "grep -n '^$T/set/a.yaml:' '$T/out' | tail -1 | cut -d: -f1 >'$T/l1'; grep -n '^$T/set/sub/b.yml:' '$T/out' | head -1 | cut -d: -f1 >'$T/l2'; test \$(cat '$T/l1') -lt \$(cat '$T/l2')"
"$B" lint "$T/set/*.yaml" >"$T/out" 2>&1
check "a quoted glob: 1 file" grep -q ' in 1 file$' "$T/out"
"$B" lint "$T/set/blocks" >"$T/out" 2>&1
check "a folder without letters: exit 2" test $? -eq 2
"$B" lint "$T/geen.yaml" >"$T/out" 2>&1
check "a missing file: exit 2" test $? -eq 2

# ---- exit codes -------------------------------------------------------------------------
"$B" lint examples/uitnodiging-gesprek.yaml >/dev/null 2>&1
check "warnings only: exit 0" test $? -eq 0
"$B" lint --fail-on warning examples/uitnodiging-gesprek.yaml >/dev/null 2>&1
check "--fail-on warning with warnings: exit 1" test $? -eq 1
n=$("$B" lint --format json examples/uitnodiging-gesprek.yaml | jq .warnings)
"$B" lint --max-warnings "$n" examples/uitnodiging-gesprek.yaml >/dev/null 2>&1
check "--max-warnings $n with $n warnings: exit 0" test $? -eq 0
"$B" lint --max-warnings $((n - 1)) examples/uitnodiging-gesprek.yaml >/dev/null 2>&1
check "--max-warnings $((n - 1)) with $n warnings: exit 1" test $? -eq 1
sed 's/^date: 2026-11-27$/date: 2026-12-31/' examples/herinnering-formulier.yaml >"$T/laat.yaml"
"$B" lint "$T/laat.yaml" >/dev/null 2>&1
check "an error-level finding (a deadline before the letter): exit 1" test $? -eq 1
printf 'kind: uitnodiging\nsubjekt: x\n' >"$T/ongeldig.yaml"
"$B" lint "$T/ongeldig.yaml" >/dev/null 2>&1
check "an invalid spec: exit 2" test $? -eq 2
for bad in "--format xml" "--fail-on info" "--max-warnings -1" "--max-warnings veel"; do
  "$B" lint $bad examples/uitnodiging-gesprek.yaml >/dev/null 2>&1
  check "usage: $bad exits 2" test $? -eq 2
done

# ---- json ---------------------------------------------------------------------------------
"$B" lint --format json "$T/set" >"$T/j" 2>&1
check "json: valid, with version, files, errors, warnings, diagnostics" \
  jqc '.version == 1 and .files == 2 and (.errors | type) == "number" and (.warnings | type) == "number" and (.diagnostics | type) == "array"' "$T/j"
check "json: every finding has the documented fields and types" jqc '.diagnostics | length > 0 and all(
  (.rule | type) == "string" and (.severity | IN("error", "warning", "info")) and (.file | type) == "string" and
  (.line | type) == "number" and (.col | type) == "number" and (.end_line | type) == "number" and
  (.end_col | type) == "number" and (.message | type) == "string" and
  ((.suggestion | type) == "string" or .suggestion == null))' "$T/j"
check "json: the counts match the findings" \
  jqc '.warnings == ([.diagnostics[] | select(.severity == "warning")] | length)' "$T/j"
printf 'Het gesprek is om 10.00 uur.\n' >"$T/x"
cp examples/uitnodiging-gesprek.yaml "$T/c1.yaml"
sed 's/om {{ afspraak_tijd }} uur/om 9:30/' examples/uitnodiging-gesprek.yaml >"$T/c2.yaml"
"$B" lint --format json "$T/c2.yaml" >"$T/j" 2>&1
check "json: a consistency finding has its related place" \
  jqc '[.diagnostics[] | select(.rule == "consistency.time")][0].related | (.line | type) == "number" and (.message | type) == "string"' "$T/j"

# ---- sarif --------------------------------------------------------------------------------
"$B" lint --format sarif "$T/set" >"$T/s" 2>&1
check "sarif: version 2.1.0 with the schema" jqc '.version == "2.1.0" and (."$schema" | test("sarif-2.1.0"))' "$T/s"
check "sarif: tool.driver with name and every rule, each with help text" jqc '.runs[0].tool.driver |
  .name == "beeldbrief" and (.rules | length >= 25) and
  (.rules | all((.id | type) == "string" and (.shortDescription.text | type) == "string" and (.help.text | length > 100)))' "$T/s"
check "sarif: results with ruleId, level, message.text and a physical location" jqc '.runs[0].results |
  length > 0 and all((.ruleId | type) == "string" and (.level | IN("error", "warning", "note")) and
  (.message.text | type) == "string" and
  (.locations[0].physicalLocation.artifactLocation.uri | type) == "string" and
  (.locations[0].physicalLocation.region.startLine >= 1) and (.locations[0].physicalLocation.region.startColumn >= 1))' "$T/s"
check "sarif: every ruleId is a rule of the driver" \
  jqc '[.runs[0].tool.driver.rules[].id] as $ids | .runs[0].results | all(.ruleId as $r | $ids | index($r))' "$T/s"
(cd "$T" && "$B" lint --format sarif set) >"$T/s2" 2>&1
check "sarif: uris of relative paths are relative (no leading / or ./)" \
  jqc '.runs[0].results | all(.locations[0].physicalLocation.artifactLocation.uri | test("^(/|\\./)") | not)' "$T/s2"
check "sarif: uris of absolute paths are file:// uris" \
  jqc '[.runs[0].results[].locations[0].physicalLocation.artifactLocation.uri | select(test("^file:///"))] | length > 0' "$T/s"

# ---- junit ------------------------------------------------------------------------------------
"$B" lint --format junit "$T/set" >"$T/ju" 2>&1
check "junit: valid against the JUnit schema (xmllint --schema tests/lint/junit.xsd)" \
  sh -c "xmllint --noout --schema tests/lint/junit.xsd '$T/ju' 2>'$T/xerr'"
"$B" lint --format json "$T/set" >"$T/j" 2>&1
nf=$(jq '[.diagnostics[] | select(.severity != "info")] | length' "$T/j")
check "junit: a testcase per file (2)" test "$(xmllint --xpath 'count(//testcase)' "$T/ju")" -eq 2
check "junit: a failure per finding ($nf)" test "$(xmllint --xpath 'count(//failure)' "$T/ju")" -eq "$nf"
check "junit: each failure names its rule and gives file:line:col" \
  test "$(xmllint --xpath 'count(//failure[contains(@type, ".") and (contains(., ".yaml:") or contains(., ".yml:")) and contains(., concat("[", @type, "]"))])' "$T/ju")" -eq "$nf"
check "junit: the suite counts its tests and failing files" \
  test "$(xmllint --xpath 'string(/testsuites/testsuite/@tests)' "$T/ju")" = 2 -a \
       "$(xmllint --xpath 'string(/testsuites/testsuite/@failures)' "$T/ju")" = "$(xmllint --xpath 'count(//testcase[failure])' "$T/ju")"
cp examples/uitnodiging-gesprek.yaml "$T/a&b<c>'d\"e.yaml"
"$B" lint --format junit "$T/a&b<c>'d\"e.yaml" >"$T/ju2" 2>/dev/null
check "junit: markup and quotes in a file name stay well-formed XML" \
  test "$(xmllint --xpath 'string(//testcase/@name)' "$T/ju2")" = "$T/a&b<c>'d\"e.yaml"

# ---- github -------------------------------------------------------------------------------------
"$B" lint --format github examples/uitnodiging-gesprek.yaml >"$T/g" 2>&1
check "github: one workflow command per finding" \
  sh -c "test \$(grep -c '' '$T/g') -eq $n && ! grep -qv '^::\\(error\\|warning\\|notice\\) file=[^,]*,line=[0-9]*,col=[0-9]*,endLine=[0-9]*,endColumn=[0-9]*,title=[a-z]*\\.[a-z-]*::.' '$T/g'"
printf 'kind: uitnodiging\nsubjekt: x\n' >"$T/komma,dubbele:punt.yaml"
"$B" lint --format github "$T/komma,dubbele:punt.yaml" >"$T/g" 2>&1
check "github: , and : in a file name are escaped" grep -q 'komma%2Cdubbele%3Apunt.yaml' "$T/g"

# ---- gitlab ----------------------------------------------------------------------------------
"$B" lint --format gitlab "$T/set" >"$T/gl" 2>&1
check "gitlab: an array of issues with the Code Quality fields" jqc 'type == "array" and length > 0 and all(
  (.description | type) == "string" and (.check_name | type) == "string" and (.fingerprint | test("^[0-9a-f]{32}$")) and
  (.severity | IN("info", "minor", "major", "critical", "blocker")) and (.location.path | type) == "string" and
  (.location.lines.begin >= 1))' "$T/gl"
check "gitlab: fingerprints are unique" jqc '([.[].fingerprint] | length) == ([.[].fingerprint] | unique | length)' "$T/gl"
{ printf '# een regel erbij\n'; cat "$T/set/a.yaml"; } >"$T/set/a2.yaml" && mv "$T/set/a2.yaml" "$T/set/a.yaml"
"$B" lint --format gitlab "$T/set" >"$T/gl2" 2>&1
check "gitlab: fingerprints stay when lines move" \
  sh -c "jq -r '.[].fingerprint' '$T/gl' | sort >'$T/f1'; jq -r '.[].fingerprint' '$T/gl2' | sort >'$T/f2'; cmp -s '$T/f1' '$T/f2'"

# ---- configuration: ignore globs and house style ------------------------------------------------
mkdir -p "$T/cfg/concepten/x" "$T/cfg/oud" "$T/cfg/brieven"
for f in brieven/a.yaml brieven/b.concept.yaml concepten/x/c.yaml oud/d.yaml; do
  cp examples/uitnodiging-gesprek.yaml "$T/cfg/$f"
done
printf 'ignore:\n  - "*.concept.yaml"   # drafts\n  - concepten/**\n  - oud/\n' >"$T/cfg/.beeldbrief.yaml"
"$B" lint --format json "$T/cfg" >"$T/j" 2>&1
check "ignore: a folder skips *.concept.yaml, concepten/** and oud/ (1 of 4 files linted)" \
  jqc '.files == 1 and ([.diagnostics[].file | select(test("concept|oud"))] | length) == 0' "$T/j"
"$B" lint --format json "$T/cfg/*/*.yaml" >"$T/j" 2>&1
check "ignore: a quoted glob skips them too" jqc '.files == 1' "$T/j"
"$B" lint --format json "$T/cfg/oud/d.yaml" >"$T/j" 2>&1
check "ignore: a file named on the command line is linted all the same" jqc '.files == 1' "$T/j"
printf 'ignore:\n  - /etc/*.yaml\n' >"$T/cfg/.beeldbrief.yaml"
"$B" lint "$T/cfg/brieven/a.yaml" >"$T/out" 2>&1
check "ignore: an absolute glob is refused at file:line:col, exit 2" \
  sh -c "test $? -eq 2 && grep -q '^$T/cfg/.beeldbrief.yaml:2:5: error: .*relative.*\[spec.value\]' '$T/out'"
sed 's/"#1A1A1E"/"#DDDDDD"/' templates/house-styles/default.yaml >"$T/cfg/huisstijl.yaml"
cp templates/house-styles/win-logo.svg "$T/cfg/"
printf 'house-style: huisstijl.yaml\n' >"$T/cfg/.beeldbrief.yaml"
"$B" lint "$T/cfg/brieven/a.yaml" >"$T/out" 2>&1
check "house-style: the configuration's house style is used (its pale text colour fails render.contrast)" \
  grep -q "huisstijl.yaml:.*\[render.contrast\]" "$T/out"
printf 'house-style: bestaat-niet.yaml\n' >"$T/cfg/.beeldbrief.yaml"
"$B" lint "$T/cfg/brieven/a.yaml" >"$T/out" 2>&1
check "house-style: a missing file is reported, exit 2" \
  sh -c "test $? -eq 2 && grep -q 'bestaat-niet.yaml' '$T/out'"
printf 'house-stijl: x.yaml\n' >"$T/cfg/.beeldbrief.yaml"
"$B" lint "$T/cfg/brieven/a.yaml" >"$T/out" 2>&1
check "configuration: an unknown key at file:line:col with a suggestion" \
  grep -q "^$T/cfg/.beeldbrief.yaml:1:1: error: unknown key 'house-stijl'.*house-style" "$T/out"

awk '/^## Configuration/{f=1} f&&/^```yaml/{g=1;next} g&&/^```/{exit} g' docs/ci.md |
  grep -v '^vocabulary:\|^house-style:' >"$T/doc-cfg.yaml"
"$B" lint --config "$T/doc-cfg.yaml" examples/uitnodiging-gesprek.yaml >"$T/out" 2>&1
check "configuration: the example in docs/ci.md is valid (without its files)" \
  sh -c "test $? -eq 0 && test \$(grep -c '' '$T/doc-cfg.yaml') -gt 10"

# ---- baseline --------------------------------------------------------------------------------
mkdir -p "$T/bl/sub"
cp examples/uitnodiging-gesprek.yaml "$T/bl/a.yaml"
"$B" lint --format json "$T/bl/a.yaml" >"$T/j0" 2>&1
n0=$(jq '.diagnostics | length' "$T/j0")
"$B" lint --write-baseline "$T/bl/baseline.yaml" "$T/bl/a.yaml" >/dev/null 2>&1
check "baseline: --write-baseline exits 0 and records every finding ($n0)" \
  sh -c "test $? -eq 0 && test \$(grep -c '^  - rule:' '$T/bl/baseline.yaml') -le $n0 &&
         test \$(awk '/^  - rule:/{n++} /^    count:/{n+=\$2-1} END{print n}' '$T/bl/baseline.yaml') -eq $n0"
"$B" lint --format json --baseline "$T/bl/baseline.yaml" "$T/bl/a.yaml" >"$T/j" 2>&1
check "baseline: the same letter has no new findings" jqc '.diagnostics == [] and .warnings == 0' "$T/j"
{ printf '# twee regels erbij,\n# boven alle bevindingen\n'; cat "$T/bl/a.yaml"; } >"$T/bl/a2" && mv "$T/bl/a2" "$T/bl/a.yaml"
sed -i 's/^\(          what: Neem een geldig identiteitsbewijs mee.\)$/\1 Indien u wilt, mag u iemand meenemen./' "$T/bl/a.yaml"
"$B" lint --format json --baseline "$T/bl/baseline.yaml" "$T/bl/a.yaml" >"$T/j" 2>&1
check "baseline: after inserting 2 lines above, only the new finding is reported (indien, at its line)" \
  jqc '[.diagnostics[] | [.rule, .line]] == [["readability.difficult-word", 42]]' "$T/j"
"$B" lint --baseline "$T/bl/baseline.yaml" "$T/bl/a.yaml" >"$T/out" 2>&1
check "baseline: text says how many known findings were not shown" grep -q "^$n0 known findings in .*baseline.yaml not shown$" "$T/out"
(cd "$T/bl/sub" && "$B" lint --format json --baseline ../baseline.yaml ../a.yaml) >"$T/j" 2>&1
check "baseline: files are relative to the baseline, so another working directory matches too" \
  jqc '.diagnostics | length == 1' "$T/j"
sed -i 's/Neem een geldig identiteitsbewijs mee\./Neem uw paspoort mee./' "$T/bl/a.yaml"
"$B" lint --baseline "$T/bl/baseline.yaml" "$T/bl/a.yaml" >"$T/out" 2>&1
check "baseline: a finding that is gone is reported as fixed" grep -q "; 1 is fixed: write the baseline again" "$T/out"
printf 'version: 1\nfindings:\n  - rule: x\n    fiel: a.yaml\n' >"$T/bl/kapot.yaml"
"$B" lint --baseline "$T/bl/kapot.yaml" "$T/bl/a.yaml" >"$T/out" 2>&1
check "baseline: a broken baseline is refused at file:line:col, exit 2" \
  sh -c "test $? -eq 2 && grep -q 'kapot.yaml:4:5: error: unknown key .fiel.' '$T/out'"
"$B" lint --baseline "$T/bl/geen.yaml" "$T/bl/a.yaml" >/dev/null 2>&1
check "baseline: a missing baseline exits 2" test $? -eq 2

# ---- --fix ---------------------------------------------------------------------------------------
# tests/lint/fix: letters (and a standard block they share) with findings
# that have a safe fix and findings that must stay; expect/ holds the
# files as they must read after the fix, written by hand.
fixable='readability.difficult-word|vocabulary.avoid|vocabulary.spelling|consistency.time|consistency.amount|consistency.organisation'
cp -r tests/lint/fix "$T/fix"
cp -r tests/lint/fix "$T/fix-dry"
"$B" lint --format json "$T/fix/brief.yaml" "$T/fix/klant.yaml" >"$T/before.json" 2>&1
(cd "$T/fix-dry" && "$B" lint --fix --dry-run brief.yaml klant.yaml) >"$T/fix.diff" 2>"$T/fix.err"
check "--fix --dry-run: exit 0, says 13 fixes, changes nothing" \
  sh -c "test $? -eq 0 && grep -q '13 fixes shown' '$T/fix.err' && diff -r tests/lint/fix '$T/fix-dry' >/dev/null"
check "--fix --dry-run: a unified diff of 8 changed lines in 3 files (the shared block once)" \
  sh -c "test \$(grep -c '^-[^-]' '$T/fix.diff') -eq 8 && test \$(grep -c '^+[^+]' '$T/fix.diff') -eq 8 &&
         test \$(grep -c '^--- ' '$T/fix.diff') -eq 3 && grep -q '^--- ./blocks/eigen.yaml' '$T/fix.diff'"
(cd "$T/fix-dry" && patch -s -p0 <"$T/fix.diff")
check "--fix --dry-run: the diff applies with patch -p0 and gives the expected files" \
  sh -c "cmp -s '$T/fix-dry/brief.yaml' tests/lint/fix/expect/brief.yaml && cmp -s '$T/fix-dry/klant.yaml' tests/lint/fix/expect/klant.yaml &&
         cmp -s '$T/fix-dry/blocks/eigen.yaml' tests/lint/fix/expect/blocks/eigen.yaml"
"$B" lint --fix --format json "$T/fix/brief.yaml" "$T/fix/klant.yaml" >"$T/after.json" 2>"$T/fix.err"
for f in brief.yaml klant.yaml blocks/eigen.yaml; do
  check "--fix: $f reads as expect/$f (only the fixed words changed; comments, quotes, indentation kept)" \
    cmp "$T/fix/$f" "tests/lint/fix/expect/$f"
done
check "--fix: the report after the fix has none of the fixed findings" jqc '[.diagnostics[] |
  select(.message | test("Indien|reeds|Thans|Tevens|tevens|trachten|Digid|cliënt|17:00|1300|Werk en Inkomen"))] == []' "$T/after.json"
check "--fix: the findings without a safe fix stay (ontvangen, met betrekking tot, verstrekt)" jqc '[.diagnostics[] |
  select(.rule == "readability.difficult-word") | .message | capture("^.(?<w>[^'"'"']*)").w] == ["ontvangen", "met betrekking tot", "verstrekt"]' "$T/after.json"
n_before=$(jq "[.diagnostics[] | select(.rule | test(\"$fixable\"))] | length" "$T/before.json")
n_after=$(jq "[.diagnostics[] | select(.rule | test(\"$fixable\"))] | length" "$T/after.json")
check "--fix: fixable findings $n_before before (one per notation), 3 after" test "$n_after" -eq 3 -a "$n_before" -gt 3
"$B" lint --fix "$T/fix/brief.yaml" "$T/fix/klant.yaml" >/dev/null 2>"$T/fix.err"
check "--fix: a second run has nothing left to fix" grep -q ' 0 fixes applied' "$T/fix.err"
"$B" lint --format json tests/lint/fix/brief.yaml >"$T/j" 2>&1
check "json: the 8 findings with a safe fix carry it (fix), the others do not" \
  jqc '([.diagnostics[] | select(.fix)] | length) == 8 and ([.diagnostics[] | select(.fix) | .fix] | index("Als") != null) and
       all(.diagnostics[] | select(.rule | test("letter|abbreviation")); has("fix") | not)' "$T/j"
"$B" lint --format sarif tests/lint/fix/brief.yaml >"$T/s" 2>&1
check "sarif: a safe fix is a SARIF fix replacing the result's own region" jqc '[.runs[0].results[] | select(.fixes)] |
  length == 8 and all(.locations[0].physicalLocation.region as $r | .fixes[0].artifactChanges[0].replacements[0] |
  .deletedRegion == $r and (.insertedContent.text | length > 0))' "$T/s"
for r in readability.difficult-word vocabulary.avoid vocabulary.spelling consistency.organisation \
         consistency.time consistency.date consistency.amount consistency.phone; do
  check "docs: $r explains its fix" grep -q 'lint --fix' "docs/rules/$r.md"
done
"$B" lint --dry-run examples/uitnodiging-gesprek.yaml >/dev/null 2>&1
check "--dry-run without --fix: exit 2" test $? -eq 2
cp tests/lint/fix/brief.yaml "$T/ro.yaml" && chmod a-w "$T" 2>/dev/null
if [ "$(id -u)" != 0 ]; then
  "$B" lint --fix "$T/ro.yaml" >/dev/null 2>&1
  check "--fix: a folder that cannot be written: exit 2" test $? -eq 2
fi
chmod u+w "$T"

# ---- suppressions ---------------------------------------------------------------------------
"$B" lint tests/lint/suppressions.yaml 2>&1 |
  sed -n 's/^[^ ]*:\([0-9]*\):\([0-9]*\): [a-z]*: .*\[\(lint\.[a-z-]*\|readability\.passive\|readability\.vague-time\)\]$/\1:\2 \3/p' >"$T/got"
printf '%s\n' "23:3 lint.suppression" "25:3 lint.unused-suppression" "30:29 readability.vague-time" \
  "31:3 lint.suppression" >"$T/want"
check "suppressions: hidden with and without a reason, the block ends at enable; no reason, unused and unknown rules reported" \
  diff "$T/want" "$T/got"
sed '/# beeldbrief:/d' tests/lint/suppressions.yaml >"$T/zonder.yaml"
"$B" lint "$T/zonder.yaml" >"$T/out" 2>&1
check "suppressions: without the comments the findings are there (passive, vague time x3)" \
  test "$(grep -c '\[readability.passive\]' "$T/out")" -eq 1 -a "$(grep -c '\[readability.vague-time\]' "$T/out")" -eq 3

summary
