#!/usr/bin/env bash
# The whole test suite: unit tests, emulator tests and the invoker integration tests, against
# a real Docker engine and registry that scripts/test-ground.sh installs and starts if needed.
# Then the other matrix cells (scripts/matrix.sh: chosen ITs under Maven 3.9.16 and on JDK 25).
# Extra arguments go to Maven (e.g. -Dinvoker.test=build-busybox) and make it a targeted run
# without the matrix; CF_TEST_MATRIX=false skips the matrix too.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v mvn >/dev/null || ! command -v npm >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "Maven and npm are needed: install them (apt-get install maven npm)" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven npm >&2
fi

env_file=$(bash scripts/test-ground.sh)
# shellcheck disable=SC1090
source "$env_file"
mvn -B -ntp verify "$@"
if [ $# -eq 0 ] && [ "${CF_TEST_MATRIX:-true}" != false ]; then
  bash scripts/matrix.sh
fi
