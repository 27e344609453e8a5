#!/usr/bin/env bash
# The other cells of the CI matrix, after the main one (system Maven 3.8.7 on JDK 17, every
# test) has passed in scripts/test.sh: a chosen set of invoker ITs again
#   - under Maven 3.9.16 (the binary distribution from Maven Central, cached), on JDK 17;
#   - on JDK 25 (Maven 3.8.7 runs on it, so the plugin executes on it), found, not assumed.
# The plugin is built once on JDK 17 (release 17); each cell runs the ITs against that build.
#   CF_MATRIX_ITS      comma-separated IT names (default below)
#   CF_TEST_JDK25_HOME a JDK 25 to use instead of searching /usr/lib/jvm
# Needs the test ground's env (scripts/test.sh sources it).
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "[matrix] $*" >&2; }

MAVEN_39_VERSION=3.9.16
# Build + bundle, and the deploy lifecycle (deploy, plan, redeploys, rename, secrets): the two
# kinds of goal, within the suite's 15 minutes (operate-destroy-status alone takes 90-110 s).
# warm-local-repo is the setup project that fills the IT repository before the parallel ITs.
ITS="${CF_MATRIX_ITS:-warm-local-repo,build-with-worker,deploy-lifecycle}"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/cf-containers"

maven_39_home() {
  local home="$CACHE/apache-maven-$MAVEN_39_VERSION"
  if [ ! -x "$home/bin/mvn" ]; then
    mkdir -p "$CACHE"
    log "fetching Maven $MAVEN_39_VERSION from Maven Central"
    mvn -B -q -ntp dependency:copy -Dartifact="org.apache.maven:apache-maven:$MAVEN_39_VERSION:tar.gz:bin" \
      -DoutputDirectory="$CACHE" -Dmdep.stripVersion=false >&2
    tar -xzf "$CACHE/apache-maven-$MAVEN_39_VERSION-bin.tar.gz" -C "$CACHE"
    rm -f "$CACHE/apache-maven-$MAVEN_39_VERSION-bin.tar.gz"
  fi
  echo "$home"
}

java_feature_version() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

jdk_25_home() {
  local candidate
  for candidate in ${CF_TEST_JDK25_HOME:-} /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    if [ "$(java_feature_version "$candidate")" = 25 ]; then echo "$candidate"; return; fi
  done
  return 1
}

# Runs the ITs, then proves from each IT's build log that its builds ran on what the cell names:
# -XshowSettings:properties makes every IT build's JVM print maven.home and java.home.
run_cell() {
  local name=$1 expected=$2; shift 2
  log "cell $name: ITs $ITS"
  local start=$SECONDS it
  # -pl src/it -am: the plugin, emulator and archetype as already compiled, no unit tests again.
  # Formatting is checked once, by the main cell.
  "$@" -B -ntp verify -pl src/it -am -DskipTests -Darchetype.test.skip=true -Dspotless.check.skip=true -Dinvoker.test="$ITS" \
    -Dinvoker.mavenOpts=-XshowSettings:properties
  for it in ${ITS//,/ }; do
    grep -qF "$expected" "target/it/its/$it/build.log" \
      || { log "cell $name: target/it/its/$it/build.log does not show '$expected'"; exit 1; }
  done
  log "cell $name passed in $((SECONDS - start)) s ($expected)"
}

MAVEN_39="$(maven_39_home)"
run_cell "maven-$MAVEN_39_VERSION" "maven.home = $MAVEN_39" env "MAVEN_HOME=$MAVEN_39" mvn -Dinvoker.mavenHome="$MAVEN_39"

if JDK_25="$(jdk_25_home)"; then
  run_cell "jdk-25" "java.home = $JDK_25" env "JAVA_HOME=$JDK_25" mvn -Dinvoker.javaHome="$JDK_25"
elif [ "${CI:-}" = true ]; then
  log "no JDK 25 found (set CF_TEST_JDK25_HOME): the JDK 25 cell cannot run"; exit 1
else
  log "no JDK 25 found under /usr/lib/jvm (set CF_TEST_JDK25_HOME): skipping that cell"
fi
