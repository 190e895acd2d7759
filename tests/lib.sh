# Shared by the shell test suites: sourced from tests/<suite>/run.sh.
# Moves to the repository root and provides:
#   $B          the binary under test ($BEELDBRIEF, default ./beeldbrief)
#   $T          a scratch folder, removed at exit
#   ok NAME / bad NAME [WHY] / check NAME CMD...   count and print results
#   summary     prints "N passed, N failed" and sets the exit status
set -u
cd "$(dirname "$0")/../.."
B=${BEELDBRIEF:-$PWD/beeldbrief}
export NO_COLOR=1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok()    { pass=$((pass + 1)); echo "ok $1"; }
bad()   { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
summary() { echo "$pass passed, $fail failed"; [ "$fail" -eq 0 ]; }
