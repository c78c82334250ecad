# meso's launcher, sourced by the sh line of bin/meso.js with b set to the real path of bin/meso.js and "$@"
# holding meso's arguments. It starts meso from dist/meso.blob, the V8 start-up snapshot built with meso (the
# code, the compiled gazetteer and taxonomy, and the bundled pages parsed, enriched and indexed), when that
# snapshot can start; else it runs plain `node bin/meso.js`. A snapshot only starts in the node that built it.
#
# The snapshot is exec'd, so node gets the shell's pid and its signals, only when the node on the PATH is the
# one that built dist/meso.blob (same path and size; then it cannot refuse the snapshot). Otherwise, when only
# the path matches (a node upgraded in place), the snapshot runs as a child and a refusal (exit 14) falls
# through to plain node.
# V8 flags must be the same when a snapshot is built and when it runs: scripts/build.mjs passes the same
# --max-semi-space-size.
n=$(command -v node) || { echo "meso: node is not on the PATH" >&2; exit 127; }
# a symlinked node (Homebrew, package managers) is compared by the file it points to, as node records it
[ -L "$n" ] && l=$(readlink -f -- "$n" 2>/dev/null) && [ -n "$l" ] && n=$l
s=${b%/*}/../dist/meso.blob
# dist/meso.blob.node: the node that built dist/meso.blob, its version (for people) and its size in bytes.
# The snapshot is used only with that node (same path; same size: not upgraded in place) and with no
# NODE_OPTIONS (V8 flags there would not match the snapshot's).
m= v= y= w= t= e=
if [ -z "$NODE_OPTIONS" ] && [ -f "$s" ] && [ -f "$s.node" ]; then
  { read -r m; read -r v; read -r y; } < "$s.node"
  # t: the same node path; e: and the same size, so it is surely the node that built the snapshot
  [ -n "$m" ] && [ "$m" = "$n" ] && t=1 && w=$(wc -c 2>/dev/null < "$n") && [ "${w##* }" = "$y" ] && e=1
fi
if [ -n "$e" ]; then
  exec node --max-semi-space-size=32 --snapshot-blob "$s" -- "$@"
elif [ -n "$t" ]; then
  node --max-semi-space-size=32 --snapshot-blob "$s" -- "$@"
  r=$?
  [ "$r" != 14 ] && exit "$r"
fi
exec node "$b" "$@"
