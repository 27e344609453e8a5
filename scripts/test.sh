#!/usr/bin/env bash
# The whole test suite: unit tests, emulator tests and the invoker integration tests, against
# a real Docker engine and registry that scripts/test-ground.sh installs and starts if needed.
# Extra arguments go to Maven (e.g. -Dinvoker.test=build-busybox).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v mvn >/dev/null || ! command -v npm >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "Maven and npm are needed: install them (apt-get install maven npm)" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven npm >&2
fi

env_file=$(bash scripts/test-ground.sh)
# shellcheck disable=SC1090
source "$env_file"
exec mvn -B -ntp verify "$@"
