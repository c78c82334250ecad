# meso's launcher, sourced by the sh line of bin/meso.js with b set to the real path of bin/meso.js and "$@"
# holding meso's arguments. It picks the fastest way to start that is safe, in this order:
#
#   1. a start-up snapshot of the user's own corpus (--data or MESO_DATA), compiled in the background by an
#      earlier run into the cache folder (see src/indexing/snapshotCache.ts), if it has the size recorded
#      beside it. Its name is a checksum of the node binary, this build of meso, the working folder (for
#      relative paths) and the data paths, so it never starts for other data or other code; inside, meso
#      still checks every page's size and time and reads the pages again if they changed.
#   2. dist/meso.blob, the start-up snapshot built with meso (code, tables and the bundled pages), when the
#      node on the PATH is the one that built it;
#   3. plain `node bin/meso.js`.
#
# A snapshot is exec'd, so node gets the shell's pid and its signals, only when the node on the PATH is the
# one that built dist/meso.blob (same path and size; then it cannot refuse the snapshot). Otherwise the
# bundled snapshot runs as a child and a refusal (exit 14) falls through to plain node. A cache snapshot that
# crashes node is found by its marker on the next run, tried, and deleted, so meso heals.
# V8 flags must be the same when a snapshot is built and when it runs: scripts/build.mjs and
# src/indexing/snapshotCache.ts pass the same --max-semi-space-size.
n=$(command -v node) || { echo "meso: node is not on the PATH" >&2; exit 127; }
# a symlinked node (Homebrew, package managers) is compared by the file it points to, as node records it
[ -L "$n" ] && l=$(readlink -f -- "$n" 2>/dev/null) && [ -n "$l" ] && n=$l
unset MESO_SNAPSHOT
s=${b%/*}/../dist/meso.blob
# dist/meso.blob.node: the node that built dist/meso.blob, its version, its size in bytes, and the build's id.
# Snapshots are used only with that node (same path; same size: not upgraded in place) and with no
# NODE_OPTIONS (V8 flags there would not match the snapshot's).
m= v= y= id= w= e=
if [ -z "$NODE_OPTIONS" ] && [ -f "$s" ] && [ -f "$s.node" ]; then
  { read -r m; read -r v; read -r y; read -r id; } < "$s.node"
  [ "$m" = "$n" ] || id=
  [ -n "$id" ] && w=$(wc -c 2>/dev/null < "$n") && [ "${w##* }" = "$y" ] && e=1
fi
x= c= p= o= k=
for a in "$@"; do
  case $p in
    --data) x="$x
$a" ;;
    --cache-dir) c=$a ;;
  esac
  case $a in
    --) break ;;
    --data=*) x="$x
${a#*=}" ;;
    --cache-dir=*) c=${a#*=} ;;
    --no-cache) o=1 ;;
  esac
  p=$a
done
[ -z "$x" ] && [ -n "$MESO_DATA" ] && x="MESO_DATA=$MESO_DATA"
# cache snapshots only where they can be exec'd: with the node that built meso (e), else none is compiled
if [ -n "$e" ] && [ -n "$x" ] && [ -z "$o" ] && [ -z "${MESO_NO_CACHE+set}" ] && [ "$x" != "
-" ] && [ "$x" != "MESO_DATA=-" ]; then
  c=${c:-$MESO_CACHE_DIR}
  if [ -z "$c" ]; then
    if [ -n "$XDG_CACHE_HOME" ]; then c=$XDG_CACHE_HOME/meso
    elif [ -d "$HOME/Library/Caches" ]; then c=$HOME/Library/Caches/meso
    else c=$HOME/.cache/meso
    fi
  fi
  case $c in /*) ;; *) c=$PWD/$c ;; esac
  # the working folder counts only when a data path is relative
  r=
  set -f
  i=$IFS
  IFS=':
'
  for d in ${x#MESO_DATA=}; do case $d in /*) ;; *) r=$PWD ;; esac; done
  IFS=$i
  set +f
  # the build's id and the package's place in the name: a snapshot holds meso's code and finds its tables
  # there, so no other build or copy of meso ever starts one
  k=$(printf '%s\n%s\n%s\n%s\n%s\n%s' "$n" "$y" "$id" "${b%/*}" "$r" "$x" | cksum 2>/dev/null)
  k=${k%% *}
fi
if [ -n "$k" ]; then
  MESO_SNAPSHOT=$c/snapshot-$k.blob
  export MESO_SNAPSHOT
  # Each run leaves a marker named after its pid, which meso deletes first thing. A marker whose process is
  # gone means node died before meso's code ran: killed early, or crashed restoring a damaged snapshot. A
  # trial start (only then) tells which; a snapshot that fails it goes.
  for f in "$MESO_SNAPSHOT".run-*; do
    [ -e "$f" ] || continue
    kill -0 "${f##*.run-}" 2>/dev/null && continue
    rm -f -- "$f" 2>/dev/null
    if [ -f "$MESO_SNAPSHOT" ] && ! node --max-semi-space-size=32 --snapshot-blob "$MESO_SNAPSHOT" -- --version >/dev/null 2>&1; then
      rm -f -- "$MESO_SNAPSHOT" "$MESO_SNAPSHOT.size" 2>/dev/null
    fi
  done
  # the builder writes the blob's size beside it; a blob of another size is damaged or being replaced
  if [ -f "$MESO_SNAPSHOT.size" ] && [ -f "$MESO_SNAPSHOT" ] && read -r z < "$MESO_SNAPSHOT.size" &&
    w=$(wc -c 2>/dev/null < "$MESO_SNAPSHOT") && [ "$z" = "${w##* }" ] && true 2>/dev/null > "$MESO_SNAPSHOT.run-$$"; then
    exec node --max-semi-space-size=32 --snapshot-blob "$MESO_SNAPSHOT" -- "$@"
  fi
fi
if [ -n "$e" ]; then
  exec node --max-semi-space-size=32 --snapshot-blob "$s" -- "$@"
elif [ -n "$id" ]; then
  node --max-semi-space-size=32 --snapshot-blob "$s" -- "$@"
  r=$?
  [ "$r" != 14 ] && exit "$r"
fi
exec node "$b" "$@"
