#!/usr/bin/env bash
# Runs the strict local Cloudflare API emulator in the foreground on 127.0.0.1, backed by
# the test ground's real registry and Docker engine, and prints what to export so tools
# talk to it instead of api.cloudflare.com. Ctrl-C stops it (its containers and minted
# registry credentials are removed).
#
#   scripts/emulator.sh [extra emulator options, e.g. --no-containers --credential-ttl 60]
#
# Environment: CLOUDFLARE_API_TOKEN (the token the emulator accepts; one is generated and
# kept in the test-ground state dir when unset), CLOUDFLARE_ACCOUNT_ID (optional),
# CF_EMULATOR_PORT (default: a free port), CF_EMULATOR_SUBDOMAIN (default: local).
# The workers.dev stand-in runs uploaded Workers in Miniflare from CF_EMULATOR_WORKER_RUNTIME
# (the test ground installs it and exports it).
# The token is never printed; the printed line reads it from its file.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ENV_FILE="$(bash "$ROOT/scripts/test-ground.sh")"
# shellcheck disable=SC1090
source "$ENV_FILE"
STATE_DIR="$(dirname "$ENV_FILE")"

jar() { ls "$ROOT"/cf-containers-emulator/target/cf-containers-emulator-*-cli.jar 2>/dev/null | head -n 1; }
if [ -z "$(jar)" ]; then
  echo "[emulator] building the emulator jar" >&2
  (cd "$ROOT" && mvn -B -q -pl cf-containers-emulator -am package -DskipTests -Dinvoker.skip >&2)
fi
JAR="$(jar)"

TOKEN_FILE="$STATE_DIR/emulator.token"
if [ -z "${CLOUDFLARE_API_TOKEN:-}" ]; then
  if [ ! -s "$TOKEN_FILE" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$TOKEN_FILE")
  fi
  CLOUDFLARE_API_TOKEN="$(cat "$TOKEN_FILE")"
  TOKEN_HINT="export CLOUDFLARE_API_TOKEN=\"\$(cat '$TOKEN_FILE')\""
else
  TOKEN_HINT="# CLOUDFLARE_API_TOKEN: the value already in your environment"
fi
export CLOUDFLARE_API_TOKEN

cat >&2 <<MSG
[emulator] export these in the shell that runs the deploy (the base URL and account id follow below):
  export CLOUDFLARE_CONTAINER_REGISTRY=$CF_TEST_REGISTRY
  $TOKEN_HINT
MSG

exec java -jar "$JAR" \
  --port "${CF_EMULATOR_PORT:-0}" \
  --registry "$CF_TEST_REGISTRY" \
  --registry-user "$CF_TEST_REGISTRY_USER" \
  --registry-password-env CF_TEST_REGISTRY_PASSWORD \
  --htpasswd "$CF_TEST_REGISTRY_HTPASSWD" \
  --subdomain "${CF_EMULATOR_SUBDOMAIN:-local}" \
  ${CF_EMULATOR_WORKER_RUNTIME:+--worker-runtime "$CF_EMULATOR_WORKER_RUNTIME"} \
  "$@"
