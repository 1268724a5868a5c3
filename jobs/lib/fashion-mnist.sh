# Sourced by jobs/quickstart and jobs/test: the real data the demo and the training tests read.
# ensure_fashion_mnist WHO: installs Debian's dataset-fashion-mnist when it is missing, saying so.
ensure_fashion_mnist() {
  if [ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ]; then
    return 0
  fi
  echo "$1: Fashion-MNIST is missing; installing Debian's dataset-fashion-mnist" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q dataset-fashion-mnist >/dev/null
}
