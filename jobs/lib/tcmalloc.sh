# Sourced by jobs/test: the launcher trains evaluation networks on Debian's libtcmalloc-minimal4
# when it is installed (MOOD_NAS_ALLOCATOR=auto; see jobs/mood-nas), and tests check it does.
# ensure_tcmalloc WHO: installs libtcmalloc-minimal4 when libtcmalloc_minimal.so.4 is missing.
ensure_tcmalloc() {
  if ldconfig -p 2>/dev/null | grep -q 'libtcmalloc_minimal\.so\.4 '; then
    return 0
  fi
  echo "$1: libtcmalloc_minimal.so.4 is missing; installing Debian's libtcmalloc-minimal4" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q libtcmalloc-minimal4 >/dev/null
}
