#!/bin/bash
# The docker CLI wrangler drives (WRANGLER_DOCKER_BIN). Debian's engine has no buildx, and wrangler's
# `docker build` passes --load and --provenance=false: drop them. `pull` of a present image is a no-op.
args=()
for a in "$@"; do
  case "$a" in --load|--provenance=false) ;; *) args+=("$a") ;; esac
done
if [ -n "$WRANGLER_DOCKER_LOG" ]; then printf '%s\n' "docker ${args[*]}" >> "$WRANGLER_DOCKER_LOG"; fi
if [ "${args[0]}" = "pull" ] && docker image inspect "${args[1]}" >/dev/null 2>&1; then exit 0; fi
exec docker "${args[@]}"
