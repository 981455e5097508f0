#!/usr/bin/env bash
# The CSV import as a user gets it, with its reference beside it in the same run:
#   1. ./ledger on its default embedded H2 store, in a fresh data folder, with the demo seeded;
#   2. a CSV file of $ROWS rows (valid resident IDs, three demo unions) imported with
#      ./ledger import as the system admin; the ledger prints the job's rows/s, which
#      include every read model catching up (an import job ends when they have);
#   3. a raw insertMany of $ROWS documents of about 1 KB into the same embedded server
#      (bench.jar insertmany), and the ratio of the two.
#   With DAYS=n the rows' effective dates spread over the n days before (a roster kept for
#   years, as a federation loads it first; rows in a year whose report is signed are then
#   enrolled with --confirm-backdating and flag it); by default all share one day.
#   With FILES=n, n files of $ROWS rows each (different people) are imported one after
#   the other (a file holds at most 100,000 rows), and the store's size and the ledger's
#   peak resident memory are printed at the end; LEDGER_JAVA_OPTS (e.g. -Xmx2g) is
#   passed to the ledger.
# Usage: bench/drills/import_h2.sh            (ROWS=20000 PORT=18190 DAYS=1 FILES=1 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-20000}
PORT=${PORT:-18190}
DAYS=${DAYS:-1}
FILES=${FILES:-1}
work=$(mktemp -d)
trap 'kill $ledger 2>/dev/null || true; wait $ledger 2>/dev/null || true; rm -rf "$work"' EXIT
BENCH_JAR=${BENCH_JAR:-bench/target/bench.jar}
[ -f "$BENCH_JAR" ] || ./mvnw -q -B -ntp -DskipTests -Djacoco.skip=true -pl bench -am package
started=$(date +%s.%N)
LEDGER_DATA_DIR="$work/data" LEDGER_PORT=$PORT ./ledger > "$work/ledger.log" 2>&1 &
ledger=$!
until grep -q "Ledger ready" "$work/ledger.log"; do
  if ! kill -0 $ledger 2>/dev/null; then tail -20 "$work/ledger.log"; exit 1; fi
  sleep 0.5
done
echo "first start: ready with the demo after $(echo "$(date +%s.%N) - $started" | bc) s"
grep -o "Demo data: .*" "$work/ledger.log" || true
uri=$(grep -o "mongodb://127.0.0.1:[0-9]*" "$work/ledger.log" | head -1)
confirm=(); [ "$DAYS" -gt 1 ] && confirm=(--confirm-backdating)
import_started=$(date +%s.%N)
for file in $(seq 0 $((FILES - 1))); do
python3 - "$ROWS" "$work/rows.csv" "$DAYS" "$file" <<'PY'
import sys, datetime
rows, path, days, file = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
unions = ["sjz-chang-an-construction-01", "bd-jing-xiu-construction-01", "ts-lu-nan-construction-01"]
last = datetime.date.today() - datetime.timedelta(days=20)
with open(path, "w", encoding="utf-8") as out:
    out.write("residentId,name,unionId,effectiveDate,channel\r\n")
    for i in range(file * rows, (file + 1) * rows):
        birth = datetime.date(1970, 1, 1) + datetime.timedelta(days=(i // 900) % 12000)
        first17 = "130102" + birth.strftime("%Y%m%d") + "%03d" % (100 + i % 900)
        check = "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights)) % 11]
        name = "导入测试" + "".join("零一二三四五六七八九"[int(d)] for d in str(i))  # the name rule has no digits
        day = (last - datetime.timedelta(days=(i * 7919) % days)).isoformat()
        out.write(f"{first17}{check},{name},{unions[i % 3]},{day},IMPORT\r\n")
PY
LEDGER_PASSWORD=demo ./ledger import --url "http://127.0.0.1:$PORT" --user sysadmin "${confirm[@]}" "$work/rows.csv" | grep -v " rows done" | head -5
done
if [ "$FILES" -gt 1 ]; then
  total=$((FILES * ROWS))
  seconds=$(echo "$(date +%s.%N) - $import_started" | bc)
  echo "all $FILES files: $total rows in $seconds s, $(echo "$total / $seconds" | bc) rows/s"
  echo "store: $(du -sh "$work/data" | cut -f1); ledger's peak resident memory: $(grep VmHWM /proc/$ledger/status | tr -s ' ' | cut -d' ' -f2-)"
fi
java -jar "$BENCH_JAR" insertmany --uri "$uri" --count "$ROWS"
