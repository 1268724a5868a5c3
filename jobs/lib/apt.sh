# Sourced by the ensure_* helpers: the one way they install a missing Debian package.
# apt_install WHO WHAT PACKAGE [APT_OPTION...]: says WHO found WHAT missing, then installs PACKAGE.
apt_install() {
  local who="$1" what="$2" package="$3"
  shift 3
  echo "$who: $what is missing; installing Debian's $package" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q "$@" "$package" >/dev/null
}
