#!/usr/bin/env bash
# System packages the test suite needs, from Debian: Chromium (dashboard browser tests, driven by Playwright) and a
# Java 17 runtime (PySpark). Installs only what is missing; never downloads a browser from anywhere else.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if ! command -v java >/dev/null 2>&1 || ! java -version 2>&1 | grep -q 'version "17'; then
  missing+=(openjdk-17-jre-headless)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing from Debian: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
