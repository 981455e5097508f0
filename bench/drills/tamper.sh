#!/usr/bin/env bash
# The full tamper drill of issue 16 against real ledger processes (embedded H2 store):
#   bash bench/drills/tamper.sh [append] [middle] [edit] [readmodel]     (default: all four)
# Each case starts ./ledger on a fresh copy of a demo store (seeded once into $DRILL_DIR/seed and
# sealed as the ledger stops), tampers with the store through the embedded server's MongoDB
# port while the ledger runs (TamperDrill.java, MongoDB Java driver, no ledger key), records
# what the ledger says (figures, /actuator/health, INTEGRITY ALARM log lines, seal,
# verification, member history, consistency check), stops the ledger (SIGTERM: it seals as it
# stops) and runs `./ledger replay` on a copy of the tampered data folder.
# The readmodel case runs the ledger with ledger.integrity.consistency-check-cron every minute.
# Environment: DRILL_DIR (default /tmp/tamper-drill), DRILL_PORT (default 18300),
#              DRILL_KEEP=1 keeps the data folders (default: removed at the end).
# Output: $DRILL_DIR/<case>/drill.txt (RESULT lines), ledger.log, replay.txt; summary on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=${DRILL_DIR:-/tmp/tamper-drill}
port=${DRILL_PORT:-18300}
cases=("$@"); [ ${#cases[@]} -eq 0 ] && cases=(append middle edit readmodel)
mkdir -p "$work"

# Build the ledger if needed (./ledger would), and the driver classpath for the drill program.
if [ ! -f ledger-api/target/ledger-api.jar ]; then
  ./mvnw -B -ntp -q -DskipTests -Djacoco.skip=true -pl ledger-api -am package
fi
[ -f ledger-api/target/.ledger-built ] || touch ledger-api/target/.ledger-built
if [ ! -s "$work/driver-cp.txt" ]; then
  ./mvnw -q -o dependency:build-classpath -pl ledger-eventstore -Dmdep.outputFile="$work/cp-all.txt" >/dev/null
  tr ':' '\n' < "$work/cp-all.txt" | grep -E '/(mongodb-driver-sync|mongodb-driver-core|bson|slf4j-api)-[0-9]' \
    | paste -sd: > "$work/driver-cp.txt"
fi
cp_driver=$(cat "$work/driver-cp.txt")

pid=
start_ledger() { # data-dir log extra-args...
  local data=$1 logf=$2; shift 2
  LEDGER_DATA_DIR=$data LEDGER_PORT=$port setsid ./ledger "$@" > "$logf" 2>&1 &
  pid=$!
  local t=0
  until grep -q "Ledger ready" "$logf"; do
    sleep 1; t=$((t + 1))
    if ! kill -0 "$pid" 2>/dev/null || [ $t -gt 600 ]; then echo "ledger did not start: $logf" >&2; tail -20 "$logf" >&2; exit 1; fi
  done
  echo "  ledger pid $pid ready after ${t}s"
}
stop_ledger() {
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 90); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && { echo "  ledger $pid did not stop; killing" >&2; kill -KILL "$pid"; }
  wait "$pid" 2>/dev/null || true
  pid=
}
trap stop_ledger EXIT

if [ ! -f "$work/seed/data/ledger.mv.db" ]; then
  echo "== seeding the demo store once ($work/seed)"
  rm -rf "$work/seed"; mkdir -p "$work/seed"
  start_ledger "$work/seed/data" "$work/seed/ledger.log"
  stop_ledger
fi

for c in "${cases[@]}"; do
  echo "== case $c"
  dir=$work/$c
  rm -rf "$dir"; mkdir -p "$dir"
  cp -a "$work/seed/data" "$dir/data"
  extra=()
  [ "$c" = readmodel ] && extra=(--ledger.integrity.consistency-check-cron='0 * * * * *')
  start_ledger "$dir/data" "$dir/ledger.log" "${extra[@]}"
  uri=$(grep -o 'mongodb://127.0.0.1:[0-9]*' "$dir/ledger.log" | head -1)
  java -cp "$cp_driver" bench/drills/TamperDrill.java "$c" "$uri" "http://127.0.0.1:$port" "$dir/ledger.log" \
    2> "$dir/drill.err" | tee "$dir/drill.txt"
  stop_ledger
  grep -E "INTEGRITY ALARM|Sealing stops" "$dir/ledger.log" | sed 's/^.*\] [^ ]* *: /  stop-time log: /' | sort -u | tail -5 || true
  cp -a "$dir/data" "$dir/replay-copy"
  set +e
  ./ledger replay --data-dir "$dir/replay-copy" --jurisdiction 13 --figure newEnrollments > "$dir/replay.txt" 2>&1
  echo "RESULT replay.exit: $?" | tee -a "$dir/drill.txt"
  set -e
  grep -E "^(Verification|REFUSED|replay:|value|  [0-9]+ |Replay|[A-Z_]+ )" "$dir/replay.txt" | head -8 | sed 's/^/  replay: /'
done

echo "== results in $work/<case>/drill.txt, ledger.log, replay.txt"
if [ "${DRILL_KEEP:-0}" != 1 ]; then
  for c in "${cases[@]}"; do rm -rf "$work/$c/data" "$work/$c/replay-copy"; done
fi
