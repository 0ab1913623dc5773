#!/usr/bin/env bash
# Installs every agent CLI a preset names, at the version src/runtime/agent/agent-presets.ts pins, each in
# its own prefix: .cache/agent-clis/<preset>/node_modules/.bin/<binary>. Idempotent: a CLI already
# there at the pinned version is left alone. The real-CLI tests and scripts/check-preset-flags.mjs
# use these installs; nothing here touches the project's own package.json or node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."

cache=.cache/agent-clis
mkdir -p "$cache"

# The pins live in the presets only; the check script reads them out of the TypeScript source.
installs=$(node scripts/check-preset-flags.mjs --list-installs)

status=0
while read -r name spec; do
  [ -n "$name" ] || continue
  pkg=${spec%@*}
  version=${spec##*@}
  manifest="$cache/$name/node_modules/$pkg/package.json"
  installed=$(node -e 'try { console.log(require(process.argv[1]).version) } catch { console.log("") }' "$PWD/$manifest")
  if [ "$installed" = "$version" ]; then
    echo "$name: $pkg $version already installed"
    continue
  fi
  echo "$name: installing $pkg $version${installed:+ (replacing $installed)}"
  # --prefix keeps each CLI and its dependencies apart; the CLIs' postinstall steps (which fetch or
  # link their native binaries) must run, so scripts are not disabled.
  if ! npm install --prefix "$cache/$name" --no-audit --no-fund --save-exact --loglevel=error "$spec"; then
    echo "$name: npm install $spec failed" >&2
    status=1
  fi
done <<< "$installs"
exit $status
