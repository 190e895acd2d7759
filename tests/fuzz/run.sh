#!/bin/sh
# Replays every input in fuzz/regressions/ (crashers found by `make fuzz`
# and hand-made hostile inputs): each must be refused or accepted with an
# exit code of 0, 1 or 2, never a signal, within 20 seconds. Specs (.yaml
# and the fuzz_spec/fuzz_render crashers) go through lint; texts (.txt,
# from fuzz_text) through check-text; terminology (.tbx: entity bombs,
# external entities, deep nesting) through import-tbx, which must refuse
# each with exit 2.
set -u
cd "$(dirname "$0")/../.."
B=${BEELDBRIEF:-$PWD/beeldbrief}
export NO_COLOR=1
pass=0
fail=0
for f in fuzz/regressions/*; do
  [ -f "$f" ] || continue
  case "$f" in
    *.txt) timeout 20 "$B" check-text "$f" >/dev/null 2>&1 ;;
    *.tbx) timeout 20 "$B" import-tbx "$f" >/dev/null 2>&1
           r=$?; [ "$r" -eq 2 ] || { echo "FAIL $f: exit $r, not 2"; fail=$((fail + 1)); continue; } ;;
    *) timeout 20 "$B" lint "$f" >/dev/null 2>&1 ;;
  esac
  rc=$?
  if [ "$rc" -le 2 ]; then pass=$((pass + 1)); echo "ok $f"
  else fail=$((fail + 1)); echo "FAIL $f: exit $rc"; fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
