#!/bin/sh
# Chromium on a small disk of its own: its --user-data-dir becomes a tmpfs of $SMALL_DISK_SIZE, in a
# private mount namespace (nothing is mounted for anyone else, and it goes away with the browser).
# Used by support/smallDisk.ts to fill a real disk under the app.
dir=""
for a in "$@"; do
  case "$a" in --user-data-dir=*) dir="${a#--user-data-dir=}" ;; esac
done
[ -n "$dir" ] || { echo "small-disk-chromium: no --user-data-dir" >&2; exit 2; }
exec unshare --user --map-root-user --mount sh -c 'mount -t tmpfs -o "size=$0" tmpfs "$1" && shift 2 && exec "$CHROMIUM_REAL" "$@"' \
  "${SMALL_DISK_SIZE:-64m}" "$dir" "$@"
