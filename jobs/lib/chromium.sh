# Sourced by jobs/test: the report tests render the HTML report in Debian's headless Chromium.
# ensure_chromium WHO: installs Debian's chromium when it is not on PATH, saying so.
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1; then
    return 0
  fi
  echo "$1: chromium is missing; installing Debian's chromium" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q --no-install-recommends chromium >/dev/null
}
