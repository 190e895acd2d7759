#!/bin/sh
# Installs the Debian packages given as arguments that are not installed
# yet. Does nothing (and touches no network) when all are present; runs
# apt-get update only when something is missing.
set -u
missing=""
for p in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

echo "deps: installing$missing"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "deps: error: missing packages:$missing; run 'make deps' as root" >&2
    exit 1
  fi
else
  SUDO=""
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -qq; then
  echo "deps: error: 'apt-get update' failed; check the network or apt sources" >&2
  exit 1
fi
# shellcheck disable=SC2086
if ! $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
  echo "deps: error: could not install:$missing" >&2
  exit 1
fi
echo "deps: done"
