# Sourced by .ci/run: a throwaway PostgreSQL server on loopback for the tests
# that need one (examples/todo-api), installed from Debian when missing. Its
# URL reaches the tests as DEFT_TEST_POSTGRES_URL; the cluster lives in a
# temporary folder and is stopped and removed when the run ends.

start_postgres() {
  local bin port=${DEFT_TEST_POSTGRES_PORT:-54329}
  if ! ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null ||
      { echo "could not install postgresql" >&2; return 1; }
  fi
  bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
  PG_SCRATCH=$(mktemp -d /tmp/deft-postgres.XXXXXX)
  chown postgres: "$PG_SCRATCH"
  # initdb and the server refuse to run as root: run them as Debian's postgres user.
  runuser -u postgres -- "$bin/initdb" -D "$PG_SCRATCH/data" -U postgres -A trust --no-sync >/dev/null || return 1
  runuser -u postgres -- "$bin/pg_ctl" -D "$PG_SCRATCH/data" -l "$PG_SCRATCH/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_SCRATCH -c fsync=off" start >/dev/null || {
    cat "$PG_SCRATCH/server.log" >&2
    return 1
  }
  PG_CTL="$bin/pg_ctl"
  export DEFT_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL for the tests: $DEFT_TEST_POSTGRES_URL"
}

stop_postgres() {
  [ -n "${PG_SCRATCH:-}" ] || return 0
  runuser -u postgres -- "$PG_CTL" -D "$PG_SCRATCH/data" -m fast stop >/dev/null 2>&1
  rm -rf "$PG_SCRATCH"
}
