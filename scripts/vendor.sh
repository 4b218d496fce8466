#!/usr/bin/env sh
# Copy the browser libraries the site ships from node_modules/ (npm ci) into templates/static/vendor/.
# The copies are committed, so building the site never needs npm; rerun after changing package.json.
set -eu
cd "$(dirname "$0")/.."
dest=templates/static/vendor
mkdir -p "$dest"
cp node_modules/cytoscape/dist/cytoscape.min.js "$dest/cytoscape.min.js"
cp node_modules/cytoscape/LICENSE "$dest/cytoscape.LICENSE.txt"
version=$(node -p "require('./node_modules/cytoscape/package.json').version")
printf 'cytoscape %s (MIT): cytoscape.min.js, cytoscape.LICENSE.txt\n' "$version" > "$dest/README.txt"
echo "vendored cytoscape $version into $dest"
