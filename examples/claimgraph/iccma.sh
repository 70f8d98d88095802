#!/bin/sh
# iccma.sh runs claimgraph as a solver of the ICCMA 2023 main track, with
# the command line and output of https://iccma2023.github.io/rules.html:
#
#	iccma.sh                          prints "claimgraph VERSION"
#	iccma.sh --formats | --problems
#	iccma.sh -p DC-PR -f FILE -a ARG  YES or NO, and the certificate line
#	iccma.sh -p SE-ST -f FILE         w 1 4 7, or NO
#
# FILE is read in the ICCMA 2023 format (i23) whatever its name, unless
# -fo says otherwise. CLAIMGRAPH names the tool (default: claimgraph on
# PATH; go install github.com/claimgraph/claimgraph/examples/claimgraph).
# The output is documented in examples/claimgraph/af.go.
set -eu
cg=${CLAIMGRAPH:-claimgraph}
if [ $# -eq 0 ]; then
	exec "$cg" af
fi
for a in "$@"; do
	if [ "$a" = -fo ]; then
		exec "$cg" af "$@"
	fi
done
exec "$cg" af -fo i23 "$@"
