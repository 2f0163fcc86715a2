#!/usr/bin/env bats
# Every man page renders without warnings and has the required sections.

load test_helper

pages() {
	ls "$MILLDIR_SRCDIR"/man/*.[1-9]
}

@test "man: every page renders without groff warnings" {
	local p out
	for p in $(pages); do
		out=$(groff -t -man -ww -z "$p" 2>&1)
		[ -z "$out" ] || fail "$p: $out"
		out=$(MANWIDTH=80 man -l "$p" 2>&1 >/dev/null)
		[ -z "$out" ] || fail "$p (man -l): $out"
	done
}

@test "man: tool pages have the sections of the definition of done" {
	local p s
	for p in "$MILLDIR_SRCDIR"/man/*.1; do
		for s in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES "SEE ALSO"; do
			grep -q "^\.SH \"\\?$s\"\\?\$" "$p" || fail "$p: no section $s"
		done
	done
}

@test "man: every built tool has a page and answers --help and --version" {
	local t name
	for t in "$MILLDIR_BUILDDIR"/bin/*; do
		[ -x "$t" ] && [ -f "$t" ] || continue
		name=$(basename "$t")
		[[ $name == lt-* || $name == *.* ]] && continue
		[ -f "$MILLDIR_SRCDIR/man/$name.1" ] || fail "$name: no man/$name.1"
		run "$t" --help
		[ "$status" -eq 0 ] || fail "$name --help: exit $status"
		run "$t" --version
		[[ $output == "$name (milldir) "* ]] || fail "$name --version: $output"
	done
}

# --- the EXAMPLES run -------------------------------------------------------
# Every block of a page's EXAMPLES section (.EX/.EE or .nf/.fi) runs, in
# order, with bash -e -o pipefail in a directory holding the files the
# examples name (examples_fixture), one fresh copy per page; a block must
# exit 0 (or 141: a stage ended by SIGPIPE under `| head`).  A block that
# cannot run offline in seconds says why in the page, on a roff comment
# line before it:
#     .\" man.bats: skip: REASON
# No network: MLFLOW_TRACKING_URI is unset, so metriclog writes ./mlruns.

# examples_blocks PAGE: one record per block, NUL-terminated, fields
# separated by US (\037): first line, skip reason, commands (roff undone)
examples_blocks() {
	awk '
	function unroff(s) {
		gsub(/\\-/, "-", s); gsub(/\\\(aq/, "\047", s); gsub(/\\\(dq/, "\"", s)
		gsub(/\\\(ti/, "~", s); gsub(/\\\(ha/, "^", s); gsub(/\\&/, "", s)
		gsub(/\\e/, "\\", s)
		return s
	}
	/^\.SH/ { inex = ($0 ~ /EXAMPLES/); skip = ""; next }
	!inex { next }
	/^\.\\" man\.bats: skip/ {
		skip = $0; sub(/^\.\\" man\.bats: skip:? */, "", skip)
		if (skip == "") skip = "?"
		next
	}
	/^\.(EX|nf)/ { inblk = 1; start = FNR; cmd = ""; next }
	/^\.(EE|fi)/ && inblk {
		inblk = 0; printf "%d\037%s\037%s%c", start, skip, cmd, 0; skip = ""; next
	}
	inblk && /^\./ { next }
	inblk { cmd = cmd unroff($0) "\n" }' "$1"
}

# examples_fixture DIR: the files the examples name: single parts
# (part.stl, pocket.stl, plate.stl, part.obj, part.mdf), a directory of
# parts with its labels, meta-images (grids.mdf, data/dataset.mdf), 32x32
# views with a training and a validation split under the names the pages
# use, and a tiny model trained for one epoch
examples_fixture() {
	mkdir -p "$1" && cd "$1" || return
	partgen -n 3 --seed 1 -o p >/dev/null
	cp p/part-0001.stl part.stl
	cp p/part-0002.stl pocket.stl
	cp p/part-0003.stl plate.stl
	rm -r p
	cp "$DATA/stl2norm/cube.obj" part.obj
	partgen -n 6 --seed 2 -o parts >/dev/null
	cp parts/labels.tsv labels.tsv
	stl2norm -l +Z part.stl >part.mdf
	partgen -n 2 --seed 3 --frames | normrender --size 16 | metagrid >grids.mdf
	mkdir data models
	cp grids.mdf data/dataset.mdf
	{
		partgen -n 12 --seed 4 --frames | mdf set split=train
		partgen -n 6 --seed 5 --first 13 --frames | mdf set split=val
	} | normrender --size 32 --views 3x1 -e 0 >views.mdf
	local f
	for f in new-views new train test data; do
		cp views.mdf "$f.mdf"
	done
	dnntrain --net tiny --epochs 1 -q -o model views.mdf >/dev/null
}

@test "man: every EXAMPLES block runs (or says why it cannot)" {
	local fx=$BATS_TEST_TMPDIR/fixture p line reason cmd rc n=0 skipped=0 failed=
	(examples_fixture "$fx") || fail "the examples' fixture failed"
	for p in $(pages); do
		rm -rf "$BATS_TEST_TMPDIR/run"
		cp -r "$fx" "$BATS_TEST_TMPDIR/run"
		while IFS=$'\037' read -r -d '' line reason cmd; do
			if [ -n "$reason" ]; then
				[ "$reason" != "?" ] || failed+="${p##*/}:$line: skipped without a reason"$'\n'
				skipped=$((skipped + 1))
				continue
			fi
			n=$((n + 1))
			rc=0
			(cd "$BATS_TEST_TMPDIR/run" && env -u MLFLOW_TRACKING_URI \
				timeout 120 bash -e -o pipefail -c "$cmd") \
				>/dev/null 2>"$BATS_TEST_TMPDIR/err" || rc=$?
			if [ "$rc" -ne 0 ] && [ "$rc" -ne 141 ]; then
				failed+="${p##*/}:$line: exit $rc: $cmd$(head -3 "$BATS_TEST_TMPDIR/err")"$'\n'
			fi
		done < <(examples_blocks "$p")
	done
	echo "# $n examples run, $skipped skipped by their pages" >&3
	[ -z "$failed" ] || fail "$failed"
	[ "$n" -ge 20 ] || fail "only $n examples found: is the extraction broken?"
}
