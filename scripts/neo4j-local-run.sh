#!/usr/bin/env bash
# scripts/neo4j-local-run.sh CMD [ARGS…] — runs CMD against a fresh, throw-away local Neo4j
# (scripts/neo4j-local.sh on a free port, a temporary folder, a random password) with NEO4J_URI,
# NEO4J_USER and NEO4J_PASSWORD exported, then stops it and removes the folder (NEO4J_LOCAL_KEEP=1
# keeps it, logs included). When Neo4j dies while CMD runs, its last log lines go to stderr. CI uses it
# for the fuzz run against a Neo4j-backed server:
#   scripts/neo4j-local-run.sh sh -c 'npm run graph -- seed && FUZZ_ENGINE=neo4j npm run test:fuzz'
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: $0 CMD [ARGS…]" >&2; exit 2; }
bash scripts/neo4j-local.sh --build-only

dir=$(mktemp -d "${TMPDIR:-/tmp}/neo4j-local-run-XXXXXX")
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
NEO4J_PASSWORD=$(node -e "console.log(require('crypto').randomBytes(12).toString('hex'))")
export NEO4J_PASSWORD NEO4J_USER=neo4j
NEO4J_LOCAL_PORT=$port NEO4J_LOCAL_DIR=$dir NEO4J_LOCAL_HEAP=${NEO4J_LOCAL_HEAP:-1g} \
  bash scripts/neo4j-local.sh >"$dir/console.log" 2>&1 &
server=$!
stop() {
  status=$?
  # A server that died under the command (out of memory, a crash) says why before its folder goes.
  if ! kill -0 "$server" 2>/dev/null; then
    echo "neo4j-local-run: Neo4j exited while the command ran; its last words:" >&2
    tail -n 20 "$dir/console.log" >&2 || true
    grep -h -E 'ERROR|OutOfMemory' "$dir"/logs/*.log 2>/dev/null | tail -n 20 >&2 || true
  elif [ "$status" -ne 0 ]; then
    grep -h -E 'ERROR|OutOfMemory' "$dir"/logs/*.log 2>/dev/null | tail -n 20 >&2 || true
  fi
  kill -TERM "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  if [ -n "${NEO4J_LOCAL_KEEP:-}" ]; then echo "neo4j-local-run: kept $dir" >&2; else rm -rf "$dir"; fi
}
trap stop EXIT
trap 'exit 143' TERM INT

# Up to 10 minutes: a busy two-core machine can take a while to start a JVM and Neo4j.
for _ in $(seq 1 1200); do
  if grep -q '^NEO4J_URI=' "$dir/console.log" 2>/dev/null; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$dir/console.log" >&2; echo "neo4j-local-run: Neo4j exited" >&2; exit 1; fi
  sleep 0.5
done
NEO4J_URI=$(grep -m1 '^NEO4J_URI=' "$dir/console.log" | cut -d= -f2-) || { echo "neo4j-local-run: Neo4j did not start" >&2; exit 1; }
export NEO4J_URI
echo "neo4j-local-run: Neo4j at $NEO4J_URI" >&2
"$@"
