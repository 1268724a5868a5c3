# Sourced by jobs/test: the report tests render the HTML report in Debian's headless Chromium.
# ensure_chromium WHO: installs Debian's chromium when it is not on PATH, saying so.
. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1; then
    return 0
  fi
  apt_install "$1" "chromium" chromium --no-install-recommends
}
