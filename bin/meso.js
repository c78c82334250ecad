#!/bin/sh
':'; //; b=$0; case $b in */*) ;; *) b=./$b ;; esac; [ -L "$b" ] && b=$(readlink -f -- "$b"); . "${b%/*}/launch.sh"
// The line above is for sh: bin/launch.sh starts meso from a V8 start-up snapshot when it can (fast), else
// runs this file with node. For node, that line is a string and a comment; what follows is the plain entry.
import '../dist/meso.js';
