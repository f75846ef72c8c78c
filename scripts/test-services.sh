# shellcheck shell=bash
# Sourced by scripts/test.sh: brings up the optional services the tests use and exports where
# they are. Every service is optional: a failure prints one line and the tests that need the
# service skip with a reason. Idempotent: a second run reuses the running PostgreSQL cluster.
#
#   RASAD_TEST_PG_URL  postgresql+psycopg://... of a throwaway cluster (store tests run on it too)
#   RASAD_CHROMIUM     path of a Chromium binary for the web UI's browser tests

_rasad_log() { echo "test-services: $*" >&2; }

_rasad_apt_install() {
  # Only as root on Debian (as CI runs); anywhere else the service is simply absent.
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
  if [ -z "${_RASAD_APT_UPDATED:-}" ]; then
    apt-get update -qq >/dev/null 2>&1 || true
    _RASAD_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1
}

_rasad_chromium() {
  if [ -n "${RASAD_CHROMIUM:-}" ] && [ -x "${RASAD_CHROMIUM}" ]; then return 0; fi
  if [ ! -x /usr/bin/chromium ]; then
    _rasad_log "installing chromium (Debian package) for browser tests"
    _rasad_apt_install chromium || { _rasad_log "chromium unavailable; browser tests will skip"; return 0; }
  fi
  [ -x /usr/bin/chromium ] && export RASAD_CHROMIUM=/usr/bin/chromium
  return 0
}

_rasad_pg_bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return 0
  fi
  return 1
}

_rasad_postgres() {
  if [ -n "${RASAD_TEST_PG_URL:-}" ]; then return 0; fi
  local bindir
  if ! bindir="$(_rasad_pg_bindir)"; then
    _rasad_log "installing postgresql (Debian package)"
    _rasad_apt_install postgresql || { _rasad_log "postgresql unavailable; postgres tests will skip"; return 0; }
    bindir="$(_rasad_pg_bindir)" || { _rasad_log "postgresql binaries not found; postgres tests will skip"; return 0; }
  fi
  local major
  major="$(basename "$(dirname "$bindir")")"
  # PostGIS is optional: with it the store adds a geometry column, without it plain lat/lon.
  if [ ! -e "/usr/share/postgresql/$major/extension/postgis.control" ] && [ -z "${RASAD_NO_POSTGIS:-}" ]; then
    _rasad_apt_install "postgresql-$major-postgis-3" || _rasad_log "postgis not installed; store uses plain lat/lon on postgres"
  fi

  local state="${RASAD_SERVICES_DIR:-${TMPDIR:-/tmp}/rasad-test-services}"
  local data="$state/pgdata" sock="$state/sock" runas=""
  mkdir -p "$state" "$sock"
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root; the throwaway cluster belongs to an unprivileged account.
    id -u rasadpg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin rasadpg >/dev/null 2>&1 || true
    if id -u rasadpg >/dev/null 2>&1; then runas="rasadpg"; else runas="nobody"; fi
    chown -R "$runas" "$state"
    chmod 700 "$state"
  fi
  _rasad_as() { if [ -n "$runas" ]; then runuser -u "$runas" -- "$@"; else "$@"; fi; }

  local port=""
  if [ -f "$state/port" ] && _rasad_as "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    port="$(cat "$state/port")"
  else
    if [ ! -f "$data/PG_VERSION" ]; then
      _rasad_as "$bindir/initdb" -D "$data" -U rasad --auth=trust -E UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 \
        || _rasad_as "$bindir/initdb" -D "$data" -U rasad --auth=trust -E UTF8 >"$state/initdb.log" 2>&1 \
        || { _rasad_log "initdb failed (see $state/initdb.log); postgres tests will skip"; return 0; }
    fi
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    _rasad_as "$bindir/pg_ctl" -D "$data" -l "$state/server.log" -w -t 30 \
      -o "-p $port -k $sock -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null 2>&1 \
      || { _rasad_log "postgres did not start (see $state/server.log); postgres tests will skip"; return 0; }
    echo "$port" | _rasad_as tee "$state/port" >/dev/null
  fi
  "$bindir/psql" -h 127.0.0.1 -p "$port" -U rasad -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='rasad_test'" 2>/dev/null | grep -q 1 \
    || "$bindir/psql" -h 127.0.0.1 -p "$port" -U rasad -d postgres -qc "CREATE DATABASE rasad_test" >/dev/null 2>&1 \
    || { _rasad_log "could not create database rasad_test; postgres tests will skip"; return 0; }
  export RASAD_TEST_PG_URL="postgresql+psycopg://rasad@127.0.0.1:$port/rasad_test"
  return 0
}

_rasad_postgres || _rasad_log "postgres setup failed; postgres tests will skip"
_rasad_chromium || _rasad_log "chromium setup failed; browser tests will skip"
