# syntax=docker/dockerfile:1
#
# Digihjälpen: one image that serves the built Angular app and the API from one Node process.
# See docs/production.md. Build for linux/amd64 (the platform the lock file and the tests were made on):
#
#   docker build -t digihjalpen-api .
#   docker run --rm -p 3000:3000 -e NODE_ENV=production -e SECRET_KEY=… -e DATABASE_URL=postgres://… \
#     -e SMTP_URL=smtp://… -e PUBLIC_URL=https://digihjalpen.example.org digihjalpen-api
#
# NOT tried here: the machine this was written on has no Docker engine. What was checked instead is
# listed in docs/production.md ("What was and was not tried").

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- 1. build: every dependency (the Nx/Angular/SWC toolchain is in devDependencies) ----------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# SCARF_ANALYTICS=false: swagger-ui-dist's install-time telemetry (@scarf/scarf) stays off.
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NG_CLI_ANALYTICS=false FORCE_COLOR=0 SCARF_ANALYTICS=false
# A registry mirror, if you need one: docker build --build-arg NPM_CONFIG_REGISTRY=https://… .
ARG NPM_CONFIG_REGISTRY
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Builds dist/apps/api (SWC) and dist/apps/web (Angular, production configuration).
RUN npm run build \
 && test -f dist/apps/api/apps/api/src/main.js \
 && test -f dist/apps/web/browser/index.html

# ---- 2. production dependencies only ---------------------------------------------------------------
# dist/apps/api requires only packages listed under "dependencies" (checked by grepping every require()
# in the built files; see docs/production.md), so --omit=dev is enough. Do not add --omit=optional:
# argon2's native binary is an optional dependency.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV SCARF_ANALYTICS=false
ARG NPM_CONFIG_REGISTRY
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- 3. runtime ------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# DATA_DIR is only written to when DATABASE_URL or SMTP_URL is missing (embedded database, mail
# catcher), which the app refuses in production; point it at a writable place all the same.
# Heap limits: V8 otherwise grows the heap while it has room (430–630 MB per instance under load); with
# these an instance stays under 250 MB (docs/benchmarks.md). Raise them if an instance logs "heap out of memory".
ENV NODE_ENV=production \
    NODE_OPTIONS="--max-old-space-size=160 --max-semi-space-size=8" \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/tmp/digihjalpen \
    WEB_DIST=/app/dist/apps/web/browser
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist ./dist
# The official image's unprivileged user (uid 1000). The app only reads /app.
USER node
EXPOSE 3000
# /api/health answers 200 {"status":"ok"} or 503 DATABASE_UNAVAILABLE when PostgreSQL cannot be reached.
# The start period covers the migrations that run at start-up (they wait for each other on an advisory lock).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# With NODE_ENV=production the app refuses to start without DATABASE_URL and SMTP_URL (this image has no
# database or mail server of its own). node is PID 1, so SIGTERM reaches the app's graceful shutdown.
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
