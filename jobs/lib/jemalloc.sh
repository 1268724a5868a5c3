# Sourced by jobs/test: MOOD_NAS_ALLOCATOR=jemalloc runs on Debian's libjemalloc2.
# ensure_jemalloc WHO: installs libjemalloc2 when libjemalloc.so.2 is missing, saying so.
ensure_jemalloc() {
  if ldconfig -p 2>/dev/null | grep -q 'libjemalloc\.so\.2 '; then
    return 0
  fi
  echo "$1: libjemalloc.so.2 is missing; installing Debian's libjemalloc2" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q libjemalloc2 >/dev/null
}
