#!/bin/sh
# Writes v3/: session files of version 3 written by isp-wizard itself through its plain mode and merge, with
# findings on analysis questions (issue 16). Run it from this folder with the path of an isp-wizard binary; the
# files it writes are committed, so the tests do not run it.
#
#   v3-self-assessment-findings.isp.json  Banco Sol's self-assessment: s2.q1 favourable, s2.q2 mixed, s3.q2 unfavourable
#   v3-workshop-findings.isp.json         the workshop with Banco Sol merged in (its findings kept in its voice) and
#                                         the group's own findings on s3.q2 (unfavourable) and s3.q3 (mixed)
set -eu
wizard=$1
work=$(mktemp -d)
export XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" HOME="$work"
cd "$work"
printf 'Agua para Todos\nAgua potable para Comas\n\nAna Torres\n:q\n' \
    | "$wizard" --plain new --file agua.isp.json --mode workshop >/dev/null
"$wizard" new --mode self-assessment --for agua.isp.json --organisation "Banco Sol" --sector business \
    --file banco.isp.json >/dev/null
# Step 2: 3 favourable with a note, 2 mixed, 3; step 3: 2 with no finding, 3 unfavourable with a note.
printf ':m 2\n3\nf\nMany capable actors\n.\n2\nm\n\n3\n\n\n:m 3\n2\n\n\n3\nu\nOld quarrel over tariffs\n.\n:q\n' \
    | "$wizard" --plain open banco.isp.json >/dev/null
"$wizard" merge banco.isp.json --output agua.isp.json --update >/dev/null
# Step 3 round the room: s3.q1 kept; s3.q2 consensus 3, found unfavourable; s3.q3 Banco Sol 2, found mixed.
printf ':m 3\n\n\n\n\n\n3\nu\nThe tariff feud is known to all\n.\n2\n\nm\n\n:q\n' \
    | "$wizard" --plain open agua.isp.json >/dev/null
cd - >/dev/null
cp "$work/banco.isp.json" v3/v3-self-assessment-findings.isp.json
cp "$work/agua.isp.json" v3/v3-workshop-findings.isp.json
rm -rf "$work"
