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
