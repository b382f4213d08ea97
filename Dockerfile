# syntax=docker/dockerfile:1
#
# The API image. Built by `docker compose build` (docker-compose.yml) or on its own:
#   docker build -t cyber-policy-graph .
# Needs BuildKit (Docker's default builder since Engine 23): the two scripts below are heredocs.
#
# Stages
#   build      every dependency (dev ones included); compiles TypeScript (and the web bundle) into dist/
#   prod-deps  production dependencies only. Kùzu, an optional dependency, is left out: its npm package
#              unpacks to ~525 MB (sources plus a native binary per platform) and a Neo4j deployment
#              never loads it (src/store/index.ts imports the adapters on demand). With
#              --build-arg WITH_EMBEDDED=true it is kept, trimmed to its one native binary (~30 MB),
#              for an image that runs on the embedded engine.
#   runtime    Node + dist/ + cypher/ + seeds/ + production node_modules (~75 MB), as a non-root user.
#
# The Node version is the one the project is developed and tested with (CI runs npm test on it).
ARG NODE_VERSION=20.20.2

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts run only for the packages package.json's allowScripts approves: the npm bundled
# with this image does not read allowScripts, so scripts are off and the approved ones are rebuilt.
RUN npm ci --no-audit --no-fund --ignore-scripts \
 && npm rebuild kuzu esbuild
COPY . .
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim AS prod-deps
WORKDIR /app
ARG WITH_EMBEDDED=false
COPY package.json package-lock.json ./
# No production dependency needs an install script except Kùzu's (it copies its prebuilt binary).
RUN if [ "$WITH_EMBEDDED" = "true" ]; then \
      npm ci --omit=dev --no-audit --no-fund --ignore-scripts \
      && npm rebuild kuzu \
      && rm -rf node_modules/kuzu/kuzu-source node_modules/kuzu/prebuilt; \
    else \
      npm ci --omit=dev --omit=optional --no-audit --no-fund --ignore-scripts; \
    fi

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
LABEL org.opencontainers.image.title="china-cyber-policy-graph" \
      org.opencontainers.image.description="GraphQL API over a dated, cited graph of China's cybersecurity policies"
# In a container the API must listen on every interface to be reachable through the port
# mapping or the Compose network (npm start outside a container keeps 127.0.0.1).
ENV NODE_ENV=production \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
# Read at run time: the query catalogue and the curated seeds (`graph seed`).
COPY cypher ./cypher
COPY seeds ./seeds
COPY --from=build /app/dist ./dist

# `graph <command>`: the project's CLI (`npm run graph -- <command>` would try to compile first,
# and the compiler is not in this image).
COPY --chmod=0755 <<'EOF' /usr/local/bin/graph
#!/bin/sh
exec node /app/dist/src/cli.js "$@"
EOF

# `graph-init`: prepares the database before the API serves it. Run once per deployment:
# compose's graph-init service, a Kubernetes Job or init container, or `docker run … graph-init`.
#  1. `graph migrate` creates constraints, indexes and the full-text index (IF NOT EXISTS), retried
#     while the database is still starting (GRAPH_INIT_ATTEMPTS times, default 20, 3 s apart).
#  2. `graph seed` loads seeds/ only when the database holds no node, so that a restart or a
#     redeploy never replaces a graph; arguments go to `graph seed` (e.g. --dir DIR).
COPY --chmod=0755 <<'EOF' /usr/local/bin/graph-init
#!/bin/sh
set -eu
cli=/app/dist/src/cli.js
attempts=${GRAPH_INIT_ATTEMPTS:-20}
tries=1
until node "$cli" migrate; do
  if [ "$tries" -ge "$attempts" ]; then
    echo "graph-init: migrations failed $tries times; giving up" >&2
    exit 1
  fi
  echo "graph-init: the database is not ready (try $tries of $attempts); retrying in 3 s" >&2
  tries=$((tries + 1))
  sleep 3
done
nodes=$(node "$cli" query 'MATCH (n) RETURN count(n) AS n' --json \
  | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(String(JSON.parse(s).rows[0].n)))')
if [ "$nodes" = "0" ]; then
  echo "graph-init: the database is empty; seeding it"
  exec node "$cli" seed "$@"
fi
echo "graph-init: the database holds $nodes nodes; not seeding (to replace them: graph seed)"
EOF

# The embedded engine's default folder (data/graph.kuzu), writable for an image built with
# WITH_EMBEDDED=true; a volume mounted here inherits the ownership.
RUN mkdir -p /app/data && chown 1000:1000 /app/data
# The image's `node` user, by number so that Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 4000
# No curl in the slim image: Node asks /healthz, which answers 200 only when the API is ready.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself, not npm start (which compiles first); it is PID 1 unless run with --init.
CMD ["node", "dist/src/server.js"]
