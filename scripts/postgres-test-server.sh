#!/usr/bin/env bash
# A throwaway PostgreSQL server for the PostgreSQL half of the storage tests (Debian's `postgresql` package).
#   postgres-test-server.sh start DIR [PORT]  creates a cluster in DIR (loopback PORT, default 55432; its unix
#                                             socket in DIR), a role with a random password and a database,
#                                             and writes DIR/env to be sourced: TGCRON_TEST_PG_URL, TGCRON_PG_PASSWORD
#   postgres-test-server.sh stop DIR          stops that cluster (by the pid in its postmaster.pid)
# initdb refuses to run as root: as root, the cluster belongs to the `postgres` user the package creates.
set -euo pipefail
command=${1:?start or stop}
dir=${2:?a directory}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$command" in
start)
    port=${3:-55432}
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 >"$dir/initdb.log"
    owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off" start >/dev/null
    owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE ROLE tgcron LOGIN CREATEDB PASSWORD '$password'" -c "CREATE DATABASE tgcron_test OWNER tgcron"
    umask 077
    cat >"$dir/env" <<ENV
export TGCRON_TEST_PG_URL=postgres://tgcron@127.0.0.1:$port/tgcron_test
export TGCRON_PG_PASSWORD=$password
ENV
    echo "PostgreSQL $(basename "$(dirname "$bin")") on 127.0.0.1:$port, pid $(head -n 1 "$dir/data/postmaster.pid")"
    ;;
stop)
    [ -f "$dir/data/postmaster.pid" ] && owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
*)
    echo "usage: $0 start DIR [PORT] | stop DIR" >&2
    exit 2
    ;;
esac
