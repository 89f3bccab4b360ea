# Sourced by ./skydas and ./build: sets SKYDAS_JAVA_HOME to a JDK >= 21, or exits with a clear message.
# Order: $JAVA_HOME if new enough, then the JDKs under /usr/lib/jvm (newest first;
# SKYDAS_JVM_ROOT names another folder to search, for tests and unusual machines).

skydas_jdk_major() {  # prints the major version of the JDK at $1, or nothing
  local release="$1/release" v
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  fi
  if [ -z "$v" ]; then
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  fi
  echo "$v"
}

skydas_find_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(skydas_jdk_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then SKYDAS_JAVA_HOME="$JAVA_HOME"; return 0; fi
  fi
  local root="${SKYDAS_JVM_ROOT:-/usr/lib/jvm}"
  for candidate in $(ls -d "$root"/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    [ -L "$candidate" ] && continue
    major=$(skydas_jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then SKYDAS_JAVA_HOME="$candidate"; return 0; fi
  done
  echo "skydas: no JDK 21 or newer found (looked at JAVA_HOME=${JAVA_HOME:-unset} and $root/*)." >&2
  echo "skydas: install one (e.g. 'apt-get install openjdk-21-jdk' or a Temurin 21+) or set JAVA_HOME to it." >&2
  exit 1
}
