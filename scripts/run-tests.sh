#!/usr/bin/env bash
# Runs the test suite with Node's built-in runner, loading TypeScript through tsx.
# It builds dist/ first: the tests that spawn node processes run bin/fabric.js,
# which runs the compiled code, and a stale dist/ would test yesterday's src.
#
#   scripts/run-tests.sh                      every test/**/*.test.ts
#   scripts/run-tests.sh test/config/x.test.ts test/lint   only these files / folders
#   scripts/run-tests.sh --test-name-pattern=config        node options pass through
#
# Node 20's --test does not expand globs itself, so the file list is built here.
# The exit status is node's: non-zero when any test fails. FABRIC_TESTS_SERIAL=1
# runs the simulator files in the same runner as the rest (one after another).
set -euo pipefail
cd "$(dirname "$0")/.."

opts=()
paths=()
for arg in "$@"; do
  case "$arg" in
    -*) opts+=("$arg") ;;
    *) paths+=("$arg") ;;
  esac
done
[ "${#paths[@]}" -gt 0 ] || paths=(test)

files=()
for p in "${paths[@]}"; do
  if [ -d "$p" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$p" -type f -name '*.test.ts' | LC_ALL=C sort)
  elif [ -f "$p" ]; then
    files+=("$p")
  else
    echo "run-tests: no such file or directory: $p" >&2
    exit 2
  fi
done

if [ "${#files[@]}" -eq 0 ]; then
  echo "run-tests: no *.test.ts files under: ${paths[*]}" >&2
  exit 2
fi

# Incremental (dist/.tsbuildinfo): a rebuild with nothing changed takes seconds.
npm run --silent build

# A hung test (a process that never exits) fails after 10 minutes instead of
# holding CI until its overall limit.
run() { node --import tsx --test --test-timeout=600000 ${opts[@]+"${opts[@]}"} "$@"; }

# The simulator's seeds are pure CPU on simulated time: their outcome does not
# depend on how fast they run. On a full run they take one runner of their own,
# beside the tests that wait on real processes (MariaDB, node processes), so the
# suite takes the longer of the two instead of their sum (CI's budget is 25
# minutes on 2 cores). Their report is printed after the rest.
sims=()
rest=()
for f in "${files[@]}"; do
  case "$f" in
    test/sim/*) sims+=("$f") ;;
    *) rest+=("$f") ;;
  esac
done
if [ "${#sims[@]}" -eq 0 ] || [ "${#rest[@]}" -eq 0 ] || [ "${FABRIC_TESTS_SERIAL:-}" = 1 ]; then
  run "${files[@]}"
  exit $?
fi
sim_log=$(mktemp)
run "${sims[@]}" >"$sim_log" 2>&1 &
sim_pid=$!
status=0
run "${rest[@]}" || status=$?
sim_status=0
wait "$sim_pid" || sim_status=$?
echo "# ---- simulator seeds (run beside the tests above) ----"
cat "$sim_log"
rm -f "$sim_log"
[ "$status" -ne 0 ] && exit "$status"
exit "$sim_status"
