#!/usr/bin/env bash
# Re-vendors the dashboard's chart library from the npm registry and checks it against the recorded
# digest, so the files served from the jar are exactly the published package's. Needs npm; the build
# does not (the files are committed). Usage: update.sh [version]  (then commit; update VERSION's digest
# when changing the version on purpose).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/../../resources/ui/vendor/uplot"
version="${1:-$(sed -n 's/^version=//p' "$here/VERSION")}"
expected="$(sed -n 's/^tarball-sha256=//p' "$here/VERSION")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "uplot@$version" > /dev/null)
tarball="$work/uplot-$version.tgz"
actual="$(sha256sum "$tarball" | cut -d' ' -f1)"
if [ "$version" = "$(sed -n 's/^version=//p' "$here/VERSION")" ] && [ "$actual" != "$expected" ]; then
  echo "uplot-$version.tgz has SHA-256 $actual, VERSION records $expected" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work"
mkdir -p "$target"
cp "$work/package/dist/uPlot.esm.js" "$work/package/dist/uPlot.min.css" "$work/package/LICENSE" "$target/"
printf 'version=%s\ntarball-sha256=%s\n' "$version" "$actual" > "$here/VERSION"
(cd "$target" && sha256sum uPlot.esm.js uPlot.min.css LICENSE) > "$here/FILES.sha256"
echo "vendored uplot $version (tarball SHA-256 $actual) into $target"
