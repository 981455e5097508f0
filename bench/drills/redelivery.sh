#!/usr/bin/env bash
# Redelivery, full form (issue 7): against a running ledger with data (e.g. ./ledger with the
# demo seeds), reset and replay every processor twice; after each round the consistency check
# (an independent replay) must find no difference and the figures must be byte-identical.
#   bash bench/drills/redelivery.sh [host:port] [user:password]
set -euo pipefail
B=${1:-localhost:8080}; U=${2:-sysadmin:demo}
fp() { for p in "/api/jurisdictions/13/statistics?year=2026" "/api/jurisdictions/13/statistics" "/api/jurisdictions/1301/summary" "/api/jurisdictions/13/annual-reports/2026" "/api/supervision/findings?jurisdiction=13&year=2026"; do curl -s -u $U "$B$p"; done | sha256sum | cut -c1-16; }
echo "before: figures fingerprint $(fp)"
for round in 1 2; do
  start=$(date +%s)
  for p in summaries statistics credentials supervision rosters; do curl -s -o /dev/null -w "%{http_code} " -u $U -X POST $B/api/operations/processors/$p/rebuild; done; echo
  sleep 2
  while curl -s -u $U $B/api/operations/processors | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if all(s["lag"]==0 for p in d["processors"] for s in p["segments"]) else 1)'; [ $? -ne 0 ]; do sleep 2; done
  took=$(( $(date +%s) - start ))
  # a user starts one check a minute (429 CONSISTENCY_CHECK_TOO_SOON with Retry-After): wait as told
  while true; do
    answer=$(curl -s -D /tmp/redelivery.headers -u $U -X POST $B/api/operations/consistency-check)
    wait=$(grep -i '^retry-after:' /tmp/redelivery.headers | tr -dc '0-9' || true)
    [ -z "$wait" ] && break
    sleep "$wait"
  done
  check=$(echo "$answer" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("consistent", d["consistent"], "events", d["eventsReplayed"], "documents", d["documentsCompared"], "figures", d["figuresCompared"], "differences", d["differenceCount"])')
  echo "round $round: every processor reset and replayed in ${took}s; $check; figures fingerprint $(fp)"
done
