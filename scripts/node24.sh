#!/bin/sh
# Runs "$@" with Node 24 LTS on PATH and the npm dependencies installed for it.
#
# The project runs on Node 24; older machines (Debian 12 images carry Node 20) get a pinned
# Node 24 from the npm registry's node-linux-<arch> package, which ships the binary and the
# headers native modules build against. It is cached per user, and the dependencies are
# reinstalled only when package-lock.json or the Node version changes: after the first run
# this script prints nothing and costs a few milliseconds.
set -eu

NODE_VERSION=24.21.0
ROOT=$(cd "$(dirname "$0")/.." && pwd)

major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(major)" -lt 24 ]; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "node24.sh: no Node 24 package for $(uname -m); install Node 24 yourself" >&2; exit 1 ;;
  esac
  cache=${KIOSK_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/eport-kiosk}
  dir="$cache/node-v$NODE_VERSION-linux-$arch"
  if [ ! -x "$dir/bin/node" ]; then
    echo "node24.sh: provisioning Node $NODE_VERSION (npm package node-linux-$arch) into $dir" >&2
    mkdir -p "$cache"
    tmp=$(mktemp -d "$cache/.download.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    (cd "$tmp" && npm pack --silent --loglevel=error "node-linux-$arch@$NODE_VERSION" >/dev/null)
    tar xzf "$tmp"/node-linux-"$arch"-*.tgz -C "$tmp"
    # A concurrent run may have won the race; either copy is the same.
    mv "$tmp/package" "$dir" 2>/dev/null || true
    rm -rf "$tmp"
    trap - EXIT
  fi
  PATH="$dir/bin:$PATH"
  # Native modules (better-sqlite3, pcsclite, ...) must build against Node 24's headers.
  npm_config_nodedir="$dir"
  export npm_config_nodedir
fi
# Node 24 already on PATH (a developer's shell, a newer image): build against its own headers too.
# A nodedir inherited from ~/.npmrc (Debian images point it at /usr, the system Node 20's headers,
# and `npm run` passes it on) is replaced unless it holds this very Node's headers.
prefix=$(node -p 'require("node:path").dirname(require("node:path").dirname(process.execPath))')
if [ -f "$prefix/include/node/node.h" ]; then
  running=$(node -p 'process.versions.node')
  headers=$(sed -n 's/^#define NODE_\(MAJOR\|MINOR\|PATCH\)_VERSION \([0-9]*\).*/\2/p' "${npm_config_nodedir:-/nonexistent}/include/node/node_version.h" 2>/dev/null | paste -sd. -)
  if [ "$headers" != "$running" ]; then
    npm_config_nodedir="$prefix"
    export npm_config_nodedir
  fi
fi
PATH="$ROOT/node_modules/.bin:$PATH"
export PATH

# Install or refresh the dependencies when the lockfile or the Node version changed. --nodedir on
# the command line outranks a nodedir in the user's .npmrc (Debian images point it at /usr, the
# system Node's headers), which would otherwise build native modules for the wrong ABI.
nodedir_flag=""
[ -n "${npm_config_nodedir:-}" ] && nodedir_flag="--nodedir=$npm_config_nodedir"
# onnxruntime-node's postinstall fetches optional CUDA binaries from nuget.org: the CPU build the
# OCR uses ships inside the npm package, and a kiosk or CI host has no internet beyond the registry.
ONNXRUNTIME_NODE_INSTALL=skip
export ONNXRUNTIME_NODE_INSTALL
stamp="$ROOT/node_modules/.kiosk-install-stamp"
want="$(node -p 'process.version') $(cksum <"$ROOT/package-lock.json" 2>/dev/null || echo no-lock)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "node24.sh: installing npm dependencies for Node $(node -p 'process.versions.node')" >&2
  if [ -f "$ROOT/package-lock.json" ]; then
    (cd "$ROOT" && npm ci $nodedir_flag --no-audit --no-fund --loglevel=error >&2)
  else
    (cd "$ROOT" && npm install $nodedir_flag --no-audit --no-fund --loglevel=error >&2)
  fi
  echo "$want" >"$stamp"
fi

exec "$@"
