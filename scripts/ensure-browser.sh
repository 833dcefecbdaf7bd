#!/usr/bin/env bash
# The browser test needs a headless Chromium and its driver (Debian's chromium, chromium-driver).
# Installs them where this runs as root with apt (CI, a fresh project machine); elsewhere says how,
# and the browser test skips with that reason.
set -u
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium and chromium-driver for the browser test (Debian packages)"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null \
    || echo "could not install chromium; the browser test will be skipped"
else
  echo "no chromium: install Debian's chromium and chromium-driver to run the browser test (it is skipped)"
fi
exit 0
