#!/bin/sh
# Reloads the nginx whose prefix is $1 and returns only when every worker of the old
# configuration has exited. `nginx -s reload` merely signals the master; old workers go on
# proxying the requests they hold, possibly to a backend that is about to be stopped. Waiting
# here makes confdsl's "applied" mean: nothing is on its way to a drained backend any more.
# It also catches a reload that nginx refused (the old workers then never leave).
set -eu
prefix=${1%/}
master=$(cat "$prefix/nginx.pid")
old=$(pgrep -P "$master" || true)
nginx -q -e stderr -p "$prefix/" -c "$prefix/nginx.conf" -s reload
tries=0
while :; do
    alive=
    for pid in $old; do
        if kill -0 "$pid" 2>/dev/null; then alive="$alive $pid"; fi
    done
    [ -z "$alive" ] && exit 0
    tries=$((tries + 1))
    if [ "$tries" -ge 450 ]; then
        echo "nginx reload: old workers still running after 45 s:$alive (did nginx refuse the new config? see $prefix/error.log)" >&2
        exit 1
    fi
    sleep 0.1
done
