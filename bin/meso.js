#!/bin/sh
":" //; b=$0; [ -L "$b" ] && b=$(readlink -f -- "$b"); s="${b%/*}/../dist/meso.blob"; if [ -f "$s" ] && read -r n < "$s.node" && [ "$n" = "$(command -v node)" ]; then node --max-semi-space-size=32 --snapshot-blob "$s" -- "$@"; r=$?; [ "$r" != 14 ] && exit "$r"; fi; exec node "$b" "$@"
// The line above is for sh: start meso from its V8 start-up snapshot (fast) when the node on the PATH built
// it, else run this file with node. For node, it is a string and a comment; what follows is the plain entry.
import '../dist/meso.js';
