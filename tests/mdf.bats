#!/usr/bin/env bats
# mdf, the frame inspector.

load test_helper

V="$MILLDIR_SRCDIR/tests/data/frames"

@test "mdf: ls prints index, type, payload bytes and metadata, TAB-separated" {
	run mdf ls "$V/three.mdf"
	assert_success
	assert_output $'1\tMESH\t48\ttriangles=1\tpart=tri\tlabel=+Z\n2\tIMAG\t3\twidth=1\theight=1\tchannels=3\tpart=cube\n3\tnote\t3\ttext=ancillary'
}

@test "mdf: ls reads stdin and several files in order" {
	run bash -c "mdf ls '$V/min.mdf' - '$V/note.mdf' < '$V/mesh.mdf' | cut -f1,2"
	assert_output $'1\tIMAG\n1\tMESH\n1\tnote'
}

@test "mdf: get prints one line per frame, empty where the key is absent" {
	run bash -c "mdf get part '$V/three.mdf' | od -c | head -1"
	assert_output "0000000   t   r   i  \\n   c   u   b   e  \\n  \\n"
	run mdf get label "$V/three.mdf"
	assert_line --index 0 "+Z"
	run --separate-stderr mdf get 'bad key' "$V/three.mdf"
	[ "$status" -eq 64 ]
}

@test "mdf: check is silent on valid streams, counts with -v" {
	run mdf check "$V/three.mdf" "$V/empty.mdf"
	assert_success
	assert_output ""
	run mdf check -v "$V/three.mdf" "$V/empty.mdf"
	assert_output "$V/three.mdf: 3 frames ok
$V/empty.mdf: 0 frames ok"
}

@test "mdf: missing input file exits 66 naming it" {
	run --separate-stderr mdf ls /nonexistent/x.mdf
	[ "$status" -eq 66 ]
	assert_equal "$stderr" "mdf: /nonexistent/x.mdf: No such file or directory"
}

@test "mdf: png then frompng round-trips pixels and metadata exactly" {
	# a 7x5 RGB gradient with metadata, including a unicode value and a
	# key longer than PNG's 79-byte keyword limit
	local long=k$(printf 'x%.0s' $(seq 90))
	perl -e 'print map { chr(($_ * 37) % 256) } 0 .. 104' |
		mdf wrap IMAG width=7 height=5 channels=3 part=p1 label=-Y view.index=3 \
			"note=Fräsrichtung → +Z" "$long=v" >"$BATS_TEST_TMPDIR/a.mdf"
	perl -e 'print map { chr(($_ * 11) % 256) } 0 .. 79' |
		mdf wrap IMAG width=4 height=5 channels=4 part=p2 >>"$BATS_TEST_TMPDIR/a.mdf"
	run mdf png "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/a.mdf"
	assert_success
	assert_file_exists "$BATS_TEST_TMPDIR/out/000001-p1-v3.png"
	assert_file_exists "$BATS_TEST_TMPDIR/out/000002-p2.png"
	mdf frompng "$BATS_TEST_TMPDIR/out/000001-p1-v3.png" "$BATS_TEST_TMPDIR/out/000002-p2.png" >"$BATS_TEST_TMPDIR/b.mdf"
	for n in 1 2; do
		cmp <(mdf payload -n $n "$BATS_TEST_TMPDIR/a.mdf") <(mdf payload -n $n "$BATS_TEST_TMPDIR/b.mdf")
	done
	# same metadata (the shape keys come first after the round trip)
	diff <(mdf ls "$BATS_TEST_TMPDIR/a.mdf" | tr '\t' '\n' | sort) \
	     <(mdf ls "$BATS_TEST_TMPDIR/b.mdf" | tr '\t' '\n' | sort)
}

@test "mdf: png writes a real PNG that ImageMagick reads with the same pixels" {
	command -v convert >/dev/null && convert -version >/dev/null 2>&1 || skip "ImageMagick not installed"
	printf '\377\000\000\000\377\000\000\000\377\200\200\377' |
		mdf wrap IMAG width=2 height=2 channels=3 part=q >"$BATS_TEST_TMPDIR/q.mdf"
	mdf png "$BATS_TEST_TMPDIR/o" "$BATS_TEST_TMPDIR/q.mdf"
	run convert "$BATS_TEST_TMPDIR/o/000001-q.png" -depth 8 rgb:- 
	cmp <(convert "$BATS_TEST_TMPDIR/o/000001-q.png" -depth 8 rgb:-) <(mdf payload "$BATS_TEST_TMPDIR/q.mdf")
}

@test "mdf: frompng adds -m metadata and rejects a file that is not a PNG" {
	printf '\200\200\377' | mdf wrap IMAG width=1 height=1 channels=3 >"$BATS_TEST_TMPDIR/p.mdf"
	mdf png "$BATS_TEST_TMPDIR/o" "$BATS_TEST_TMPDIR/p.mdf"
	run bash -c "mdf frompng -m label=+X -m split=val '$BATS_TEST_TMPDIR/o/000001.png' | mdf ls | cut -f4-"
	assert_output $'width=1\theight=1\tchannels=3\tlabel=+X\tsplit=val'
	run --separate-stderr bash -c "mdf frompng '$V/min.mdf' >/dev/null"
	[ "$status" -eq 65 ]
	assert_equal "$stderr" "mdf: $V/min.mdf: not a PNG file (bad signature)"
	run --separate-stderr bash -c "mdf frompng /nonexistent.png >/dev/null"
	[ "$status" -eq 66 ]
}

@test "mdf: select keeps matching frames, -v the others, -t restricts by type" {
	run bash -c "mdf select part=cube < '$V/three.mdf' | mdf ls | cut -f2"
	assert_output "IMAG"
	run bash -c "mdf select -v part=cube < '$V/three.mdf' | mdf ls | cut -f2"
	assert_output $'MESH\nnote'
	run bash -c "mdf select -t MESH label=+Z < '$V/three.mdf' | mdf ls | cut -f2"
	assert_output "MESH"
	run bash -c "mdf select -t IMAG label=+Z < '$V/three.mdf' | mdf ls | wc -l"
	assert_output "0"
}

@test "mdf: set changes metadata, keeps payloads and order, -u removes" {
	mdf set -t IMAG -u part label=-Z split=train <"$V/three.mdf" >"$BATS_TEST_TMPDIR/s.mdf"
	run mdf ls "$BATS_TEST_TMPDIR/s.mdf"
	assert_output $'1\tMESH\t48\ttriangles=1\tpart=tri\tlabel=+Z\n2\tIMAG\t3\twidth=1\theight=1\tchannels=3\tlabel=-Z\tsplit=train\n3\tnote\t3\ttext=ancillary'
	for n in 1 2 3; do
		cmp <(mdf payload -n $n "$BATS_TEST_TMPDIR/s.mdf") <(mdf payload -n $n "$V/three.mdf")
	done
	# set with nothing to do is the identity, byte for byte
	mdf set <"$V/three.mdf" | cmp - "$V/three.mdf"
}

@test "mdf: set refuses to change the shape of a frame" {
	run --separate-stderr bash -c "mdf set -t IMAG width=2 < '$V/min.mdf' > /dev/null"
	[ "$status" -eq 70 ]
	[[ $stderr == "mdf: stdout: frame 1: refusing to write an invalid IMAG frame: 2x1x3 image needs 6 payload bytes, found 3" ]]
}

@test "mdf: payload extracts frame N and says when there is none" {
	run bash -c "mdf payload -n 2 '$V/three.mdf' | od -A n -t x1"
	assert_output " 80 80 ff"
	run --separate-stderr mdf payload -n 9 "$V/three.mdf"
	[ "$status" -eq 65 ]
	assert_equal "$stderr" "mdf: $V/three.mdf: no frame 9 (the stream has 3)"
}

@test "mdf: usage errors exit 64 with a hint" {
	run --separate-stderr mdf
	[ "$status" -eq 64 ]
	assert_equal "$stderr" "mdf: missing COMMAND
Try 'mdf --help' for more information."
	run --separate-stderr mdf frob
	[ "$status" -eq 64 ]
	[[ $stderr == "mdf: unknown command 'frob'"* ]]
	run --separate-stderr mdf select
	[ "$status" -eq 64 ]
	run --separate-stderr mdf payload -n 0
	[ "$status" -eq 64 ]
	[[ $stderr == "mdf: -n: expected a whole number from 1 to "* ]]
	run --separate-stderr mdf wrap TOOLONG
	[ "$status" -eq 64 ]
}

@test "mdf: --help and --version go to stdout and exit 0" {
	run --separate-stderr mdf --help
	assert_success
	[[ $output == "Usage: mdf COMMAND"* ]]
	[ -z "$stderr" ]
	run mdf --version
	assert_success
	assert_output --regexp '^mdf \(milldir\) [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "mdf: a full disk is an I/O error (exit 74)" {
	[ -w /dev/full ] || skip "/dev/full not available"
	run --separate-stderr bash -c "mdf set a=b < '$V/three.mdf' > /dev/full"
	[ "$status" -eq 74 ]
	[[ $stderr == "mdf: stdout: frame 1: write error: No space left on device" ]]
}
