#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (make test starts it before the tests and stops it
# after the notebook check).
#   Tests/postgres.sh start FOLDER   makes a cluster in FOLDER (user isnad, trust on loopback only),
#                                    starts it on a free port of 127.0.0.1 and prints its URL
#   Tests/postgres.sh stop FOLDER    stops it
# PostgreSQL does not run as root: as root (CI), the cluster runs as the user nobody.
set -euo pipefail
command=$1 folder=$2
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"; else "$@"; fi
}

case $command in
start)
    mkdir -p "$folder"
    if [ "$(id -u)" -eq 0 ]; then chown nobody:nogroup "$folder"; fi
    as_owner "$bin/initdb" -D "$folder/data" -U isnad --auth=trust -E UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 \
        || { cat "$folder/initdb.log" >&2; exit 1; }
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c max_connections=200 -c fsync=off" start >/dev/null \
        || { cat "$folder/server.log" >&2; exit 1; }
    echo "postgres://isnad@127.0.0.1:$port/postgres"
    ;;
stop)
    as_owner "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null
    ;;
*)
    echo "usage: $0 start|stop FOLDER" >&2
    exit 2
    ;;
esac
