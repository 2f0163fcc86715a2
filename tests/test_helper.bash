# Loaded by every tests/*.bats file: `load test_helper`.
#
# The tests run against the build tree (MILLDIR_BUILDDIR, set by
# `make check`); data comes from the source tree (MILLDIR_SRCDIR).

bats_require_minimum_version 1.5.0

: "${MILLDIR_SRCDIR:=$(cd "$BATS_TEST_DIRNAME/.." && pwd)}"
: "${MILLDIR_BUILDDIR:=$MILLDIR_SRCDIR}"
: "${BATS_LIB_PATH:=/usr/lib/bats}"

PATH="$MILLDIR_BUILDDIR/bin:$MILLDIR_BUILDDIR/tests:$PATH"
DATA="$MILLDIR_SRCDIR/tests/data"
# Real CAD meshes from shared/, beside the checkout (or, in a git
# worktree, beside the main checkout); tests that need them skip when they
# are absent (a tarball build, for instance).
if [ -z "${REAL_STL:-}" ]; then
	REAL_STL=$MILLDIR_SRCDIR/../shared/data/real-stl
	if [ ! -d "$REAL_STL" ] &&
		common=$(git -C "$MILLDIR_SRCDIR" rev-parse --path-format=absolute \
			--git-common-dir 2>/dev/null); then
		REAL_STL=${common%/*}/../shared/data/real-stl
	fi
fi
export PATH DATA REAL_STL MILLDIR_SRCDIR MILLDIR_BUILDDIR
# Tools look up networks here before the installed ones.
export MILLDIR_NETS="$MILLDIR_SRCDIR/pipelines/nets"

# sanitized: true in a build with AddressSanitizer (--enable-sanitizers).
# memcap: a shell prefix that caps a command's memory near 1 GB, so an up-front
# allocation of a claimed 3 GiB fails even where memory is plentiful:
# ulimit -v, or under AddressSanitizer (which reserves terabytes of
# address space and cannot start under ulimit -v) its allocation limit.
sanitized() {
	ldd "$MILLDIR_BUILDDIR/lib/.libs/libmilldir.so" 2>/dev/null | grep -q libasan
}
memcap() {
	if sanitized; then
		echo "export ASAN_OPTIONS=\"\${ASAN_OPTIONS:+\$ASAN_OPTIONS:}max_allocation_size_mb=1000:allocator_may_return_null=1\";"
	else
		echo "ulimit -v 1000000;"
	fi
}

load "$BATS_LIB_PATH/bats-support/load"
load "$BATS_LIB_PATH/bats-assert/load"
load "$BATS_LIB_PATH/bats-file/load"

# need_real_stl: skip the test when the real STL corpus is not there.
need_real_stl() {
	[ -f "$REAL_STL/MANIFEST.tsv" ] || skip "real STL corpus not found at $REAL_STL"
}

# f32 X...: the little-endian float32 bytes of each X, on stdout
# (perl-base is part of every Debian system).
f32() {
	perl -e 'print pack("f<*", @ARGV)' -- "$@"
}

# cfg_refused FILE FORMAT MESSAGE: dnntrain refuses the cfg that printf
# FORMAT writes to FILE, on data.mdf, with exit 65 and the one message
# "dnntrain: FILE: MESSAGE".
cfg_refused() {
	printf "$2" >"$1"
	run -65 --separate-stderr dnntrain --net "$1" data.mdf
	assert_equal "$stderr" "dnntrain: $1: $3"
}

# usage_errors TOOL ARGS...: each ARGS (split on spaces) is a usage error
# of TOOL: exit 64, "TOOL: ..." and the --help hint on stderr; then
# --help and --version answer on stdout with exit 0.
usage_errors() {
	local tool=$1 a
	shift
	for a in "$@"; do
		run -64 --separate-stderr "$tool" $a
		[[ $stderr == "$tool: "*$'\n'"Try '$tool --help' for more information." ]] ||
			fail "$tool $a: $stderr"
	done
	run -0 "$tool" --help
	assert_output --partial "Usage: $tool"
	run -0 "$tool" --version
	assert_output --regexp "^$tool \(milldir\) "
}
