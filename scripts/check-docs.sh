#!/usr/bin/env bash
# Builds the Kouka module's DocC documentation with warnings as errors (a broken symbol link, a parameter
# documented under the wrong name or left out), then fails, listing them, if any public symbol declared in
# Sources/Kouka has no doc comment of its own. Symbols the compiler writes (Equatable's !=, a raw-value
# init, Codable's synthesised init(from:)) and those inherited from Swift's protocols are not Kouka's to
# document, and are left out. Works offline; writes only under .build/.
#   scripts/check-docs.sh        (archive: .build/docs/Kouka.doccarchive)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh

output=.build/docs
mkdir -p "$output"
# --disable-sandbox: the plugin runs docc, which the package plugin sandbox would stop from writing .build.
swift package --disable-sandbox --allow-writing-to-directory "$output" \
  generate-documentation --target Kouka --warnings-as-errors --disable-indexing \
  --output-path "$output/Kouka.doccarchive" >&2

# The symbol graph the plugin just extracted (its folder is named after the package's folder, so glob it).
graph=$(ls -t .build/*/extracted-symbols/*/Kouka/Kouka.symbols.json 2>/dev/null | head -n 1)
[ -n "$graph" ] || { echo "check-docs: no symbol graph of Kouka under .build" >&2; exit 1; }

python3 - "$graph" <<'EOF'
import json, sys

graph = json.load(open(sys.argv[1]))
missing = []
for symbol in graph["symbols"]:
    if symbol.get("accessLevel") not in ("public", "open"):
        continue
    # Written by the compiler, or a protocol's default from another module: no source line of Kouka's.
    if "::SYNTHESIZED::" in symbol["identifier"]["precise"] or "location" not in symbol:
        continue
    uri = symbol["location"]["uri"]
    if "/Sources/Kouka/" not in uri:
        continue
    comment = symbol.get("docComment")
    # A docComment whose module is another one (Swift's, Foundation's) is the protocol's, inherited.
    if comment and comment.get("module", "Kouka") == "Kouka" and any(line["text"].strip() for line in comment["lines"]):
        continue
    line = symbol["location"]["position"]["line"] + 1
    path = uri.split("/Sources/Kouka/", 1)[1]
    missing.append(f"Sources/Kouka/{path}:{line}: {symbol['kind']['displayName'].lower()} "
                   f"{'.'.join(symbol['pathComponents'])} has no doc comment")

for entry in sorted(missing):
    print(entry, file=sys.stderr)
if missing:
    print(f"check-docs: {len(missing)} public symbol(s) of Kouka without a doc comment", file=sys.stderr)
    sys.exit(1)
print(f"check-docs: DocC built without warnings; every public symbol of Kouka declared in Sources has a doc comment "
      f"({len(graph['symbols'])} symbols in the graph)")
EOF
