#!/usr/bin/env bash
# npm run neo4j:local — the production engine without Docker: Neo4j Community (the version of
# docker-compose.yml's image) in one JVM, Bolt on 127.0.0.1, authentication on.
# Builds tools/neo4j-local once (offline when Maven's cache already holds everything), then
# runs it in the foreground; it prints NEO4J_URI=… when Bolt accepts connections. Ctrl-C or
# SIGTERM stops it cleanly.
#   NEO4J_PASSWORD=…            required (8+ characters): the password of user neo4j
#   NEO4J_LOCAL_PORT=7687       Bolt port
#   NEO4J_LOCAL_DIR=data/neo4j-local   data folder (kept between runs)
#   NEO4J_LOCAL_HEAP=2g         JVM heap; the page cache is in tools/neo4j-local/neo4j.conf
#   --build-only                build and exit
set -euo pipefail
cd "$(dirname "$0")/.."
tool=tools/neo4j-local
jar=$tool/target/neo4j-local.jar

if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  echo "neo4j-local: needs Java 17 and Maven (Debian: apt-get install openjdk-17-jdk-headless maven)" >&2
  exit 2
fi

stale=0
[ -f "$jar" ] || stale=1
if [ "$stale" = 0 ] && [ -n "$(find "$tool/pom.xml" "$tool/src" -newer "$jar" -print -quit)" ]; then stale=1; fi
if [ "$stale" = 1 ]; then
  echo "neo4j-local: building $tool" >&2
  # Offline first (fast, and works without a network once the cache is warm); online otherwise.
  mvn -q -o -f "$tool/pom.xml" package 2>/dev/null || mvn -q -f "$tool/pom.xml" package >&2
fi
[ "${1:-}" = "--build-only" ] && exit 0

if [ "${#NEO4J_PASSWORD}" -lt 8 ]; then
  echo "neo4j-local: set NEO4J_PASSWORD (8 characters or more), e.g. NEO4J_PASSWORD=\$(openssl rand -hex 12)" >&2
  exit 2
fi
heap=${NEO4J_LOCAL_HEAP:-2g}
export NEO4J_LOCAL_CONF=${NEO4J_LOCAL_CONF:-$tool/neo4j.conf}
# exec: signals reach the JVM, whose shutdown hook stops the database.
exec java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -jar "$jar"
