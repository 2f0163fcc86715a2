#!/usr/bin/env bats
# The frame format: conformance vectors of milldir-frame(5) and the
# reader's duties on corrupt input.

load test_helper

V="$MILLDIR_SRCDIR/tests/data/frames"

@test "frame: every conformance vector gives its documented result" {
	local n=0 name code msg
	while IFS=$'\t' read -r name code msg; do
		[[ $name == \#* ]] && continue
		cd "$V"
		run --separate-stderr mdf check "$name"
		[ "$status" -eq "$code" ] || fail "$name: exit $status, expected $code"
		[ "$stderr" = "$msg" ] || fail "$name: stderr '$stderr', expected '$msg'"
		n=$((n + 1))
	done <"$V/expected.tsv"
	[ "$n" -ge 20 ]
}

@test "frame: the worked example of the man page is byte-exact" {
	printf '\200\200\377' | mdf wrap IMAG width=1 height=1 channels=3 part=cube >"$BATS_TEST_TMPDIR/min.mdf"
	cmp "$BATS_TEST_TMPDIR/min.mdf" "$V/min.mdf"
	run od -A d -t x1 "$V/min.mdf"
	assert_line --index 0 "0000000 89 4d 44 46 01 00 00 00 49 4d 41 47 26 00 00 00"
	assert_line --index 1 "0000016 03 00 00 00 00 00 00 00 23 1e 45 cb f2 82 3e 0f"
	# the same lines stand in the man page's example
	grep -F "0000016 03 00 00 00 00 00 00 00 23 1e 45 cb f2 82 3e 0f" "$MILLDIR_SRCDIR/man/milldir-frame.5"
}

@test "frame: one flipped payload byte in any frame is a CRC error naming that frame" {
	cat "$V/three.mdf" "$V/three.mdf" >"$BATS_TEST_TMPDIR/s.mdf"
	# frame 5, the IMAG of the second copy, starts after three.mdf and the
	# 110-byte MESH frame; its last payload byte is its byte 72
	local size; size=$(wc -c <"$V/three.mdf")
	printf '\001' | dd of="$BATS_TEST_TMPDIR/s.mdf" bs=1 seek=$((size + 110 + 72)) conv=notrunc status=none
	run -65 --separate-stderr mdf check "$BATS_TEST_TMPDIR/s.mdf"
	[[ $stderr == "mdf: $BATS_TEST_TMPDIR/s.mdf: frame 5 (byte $((size + 110 + 24))): data CRC mismatch: "* ]]
}

@test "frame: every flipped byte of a frame is detected" {
	local size i bad=0
	size=$(wc -c <"$V/min.mdf")
	for ((i = 0; i < size; i++)); do
		cp "$V/min.mdf" "$BATS_TEST_TMPDIR/f.mdf"
		# xor with 0x01 through perl: the new byte always differs
		perl -e 'open F, "+<", $ARGV[0] or die; seek F, $ARGV[1], 0; read F, $b, 1;
			seek F, $ARGV[1], 0; print F chr(ord($b) ^ 1); close F' "$BATS_TEST_TMPDIR/f.mdf" "$i"
		run mdf check "$BATS_TEST_TMPDIR/f.mdf"
		[ "$status" -eq 65 ] || { echo "byte $i not detected"; bad=1; }
	done
	[ "$bad" -eq 0 ]
}

@test "frame: streams concatenate and compressed frames read like plain ones" {
	cat "$V/three.mdf" "$V/zlib.mdf" "$V/empty.mdf" "$V/three.mdf" >"$BATS_TEST_TMPDIR/cat.mdf"
	run mdf ls "$BATS_TEST_TMPDIR/cat.mdf"
	assert_success
	[ "${#lines[@]}" -eq 7 ]
	assert_line --index 3 $'4\tIMAG\t3000\twidth=10\theight=100\tchannels=3'
	mdf payload -n 4 "$BATS_TEST_TMPDIR/cat.mdf" >"$BATS_TEST_TMPDIR/p"
	cmp "$BATS_TEST_TMPDIR/p" <(head -c 3000 /dev/zero)
}

@test "frame: MILLDIR_COMPRESS=1 writes the zlib flag and the same frames" {
	mdf set part=x <"$V/three.mdf" >"$BATS_TEST_TMPDIR/plain.mdf"
	MILLDIR_COMPRESS=1 mdf set part=x <"$V/three.mdf" >"$BATS_TEST_TMPDIR/z.mdf"
	run od -A n -t x1 -j 5 -N 1 "$BATS_TEST_TMPDIR/z.mdf"
	assert_output " 01"
	diff <(mdf ls "$BATS_TEST_TMPDIR/plain.mdf") <(mdf ls "$BATS_TEST_TMPDIR/z.mdf")
	for n in 1 2 3; do
		cmp <(mdf payload -n $n "$BATS_TEST_TMPDIR/plain.mdf") <(mdf payload -n $n "$BATS_TEST_TMPDIR/z.mdf")
	done
}

@test "frame: reader limits are enforced and can be raised" {
	run -65 --separate-stderr env MILLDIR_MAX_PAYLOAD=2 mdf check "$V/min.mdf"
	assert_equal "$stderr" "mdf: $V/min.mdf: frame 1 (byte 16): payload of 3 bytes exceeds the limit of 2 (MILLDIR_MAX_PAYLOAD)"
	run -65 --separate-stderr env MILLDIR_MAX_META=10 mdf check "$V/min.mdf"
	[[ $stderr == *"(byte 12): metadata of 38 bytes exceeds the limit of 10 (MILLDIR_MAX_META)" ]]
	run env MILLDIR_MAX_PAYLOAD=3 mdf check "$V/min.mdf"
	assert_success
	# a compressed payload is limited by its inflated size too
	run -65 --separate-stderr env MILLDIR_MAX_PAYLOAD=1K mdf check "$V/zlib.mdf"
	[[ $stderr == *"(byte 63): uncompressed payload of 3000 bytes exceeds the limit of 1024" ]]
}

@test "frame: type-specific sizes are validated for MESH, TENS and PRED" {
	run -65 --separate-stderr bash -c 'head -c 47 /dev/zero | mdf wrap MESH triangles=1 >/dev/null'
	assert_equal "$stderr" "mdf: -: MESH frame: triangles=1 needs 48 payload bytes, found 47"
	run --separate-stderr bash -c 'head -c 24 /dev/zero | mdf wrap TENS shape=2x3 >/dev/null'
	assert_success
	run -65 --separate-stderr bash -c 'head -c 24 /dev/zero | mdf wrap TENS shape=2x0 >/dev/null'
	[[ $stderr == *"malformed key 'shape'"* ]]
	run -65 --separate-stderr bash -c 'head -c 8 /dev/zero | mdf wrap PRED classes=+X,-X,+Y >/dev/null'
	assert_equal "$stderr" "mdf: -: PRED frame: 3 classes need 12 payload bytes, found 8"
	run -65 --separate-stderr bash -c 'printf "metric\tloss\tx\t0\t0\n" | mdf wrap METR >/dev/null'
	[[ $stderr == *"payload line 1 is not a valid record" ]]
	run bash -c 'printf "param\tlr\t0.1\nmetric\tloss\tnan\t3\t1767225600000\nartifact\tmodels/a\n" | mdf wrap METR | mdf check'
	assert_success
}

@test "frame: metadata must be valid UTF-8 key=value lines without duplicates" {
	run -64 --separate-stderr mdf wrap TEST '9key=1'
	run -64 --separate-stderr bash -c "printf '' | mdf wrap TEST \$'k=\\xc3\\x28'"
	[[ $stderr == "mdf: wrap: expected KEY=VALUE, got "* ]]
}

@test "frame: a truncated stream on stdin names '-' and the byte" {
	run -65 --separate-stderr bash -c "head -c 50 '$V/three.mdf' | mdf ls"
	assert_equal "$stderr" "mdf: -: frame 1 (byte 50): truncated metadata: stream ends after 18 of 30 bytes"
}

@test "frame: a writer dies quietly under head" {
	# far more than a pipe buffer (64 KiB), so the writer must block and
	# find the reader gone
	for i in $(seq 2000); do cat "$V/three.mdf"; done >"$BATS_TEST_TMPDIR/big.mdf"
	run -141 --separate-stderr bash -c "set -o pipefail; mdf set a=b <'$BATS_TEST_TMPDIR/big.mdf' | head -c 10 >/dev/null"
	[ -z "$stderr" ]
}

@test "frame: frames are never written to a terminal" {
	command -v script >/dev/null || skip "script(1) not installed"
	run script -qec "mdf set a=b <'$V/min.mdf'" /dev/null
	[ "$status" -eq 64 ]
	[[ $output == *"refusing to write binary frames to a terminal"* ]]
}

@test "frame: the folded CRC-32 equals zlib's at every length, alignment and chaining" {
	run crccheck
	assert_success
	assert_output --regexp '^[0-9]+ checks, 0 differ$'
}

# mkframe TYPE META PAYLOAD [OPTIONS]: a frame with right CRCs that mdf
# itself would refuse to write (see tests/data/frames/mkframe.py).
mkframe() {
	python3 "$MILLDIR_SRCDIR/tests/data/frames/mkframe.py" "$@"
}

@test "frame: an IMAG size whose width*height*channels wraps 64 bits is refused" {
	# 2^31 x 2^31 x 4 = 2^64: wraps to 0 in 64 bits (issue 16, defect 1)
	mkframe IMAG 'width=2147483648\nheight=2147483648\nchannels=4\n' '' >"$BATS_TEST_TMPDIR/w.mdf"
	run -65 --separate-stderr mdf check "$BATS_TEST_TMPDIR/w.mdf"
	assert_equal "$stderr" "mdf: $BATS_TEST_TMPDIR/w.mdf: frame 1 (byte 32): IMAG frame: 2147483648x2147483648x4 image needs more than 2^64 payload bytes, found 0"
	# 2^32-1 squared times 4 wraps too, with an 8-byte payload
	mkframe IMAG 'width=4294967295\nheight=4294967295\nchannels=4\n' '\0\0\0\0\0\0\0\0' >"$BATS_TEST_TMPDIR/w2.mdf"
	run -65 --separate-stderr mdf check "$BATS_TEST_TMPDIR/w2.mdf"
	[[ $stderr == *"image needs more than 2^64 payload bytes, found 8" ]]
	mkframe MESH 'triangles=384307168202282326\n' '' >"$BATS_TEST_TMPDIR/m.mdf"
	run -65 --separate-stderr mdf check "$BATS_TEST_TMPDIR/m.mdf"
	[[ $stderr == *"triangles=384307168202282326 needs more than 2^64 payload bytes, found 0" ]]
	mkframe TENS 'shape=4294967296x4294967296\n' '' >"$BATS_TEST_TMPDIR/t.mdf"
	run -65 --separate-stderr mdf check "$BATS_TEST_TMPDIR/t.mdf"
	[[ $stderr == *"malformed key 'shape'"* ]]
}

@test "frame: a payload claiming 3 GiB in a short stream is truncated, not out of memory" {
	# 66 bytes on disk (issue 16, defect 7); memcap makes an up-front
	# allocation of the claimed size fail even where memory is plentiful
	mkframe IMAG 'width=1\nheight=1\nchannels=3\n' '\1\2\3\4\5\6' --claim 3221225472 >"$BATS_TEST_TMPDIR/c.mdf"
	[ "$(wc -c <"$BATS_TEST_TMPDIR/c.mdf")" -eq 66 ]
	run -65 --separate-stderr bash -c "$(memcap) mdf check '$BATS_TEST_TMPDIR/c.mdf'"
	assert_equal "$stderr" "mdf: $BATS_TEST_TMPDIR/c.mdf: frame 1 (byte 66): truncated payload: stream ends after 6 of 3221225472 bytes"
	# the same through a pipe
	run -65 --separate-stderr bash -c "$(memcap) mdf check <'$BATS_TEST_TMPDIR/c.mdf'"
	[[ $stderr == *"truncated payload: stream ends after 6 of 3221225472 bytes" ]]
}

@test "frame: a compressed payload claiming 3 GiB is refused with a real message" {
	mkframe IMAG 'width=1\nheight=1\nchannels=3\n' '\1\2\3' --zlib --raw 3221225472 >"$BATS_TEST_TMPDIR/z.mdf"
	run -65 --separate-stderr bash -c "$(memcap) mdf check '$BATS_TEST_TMPDIR/z.mdf'"
	[[ $stderr == "mdf: $BATS_TEST_TMPDIR/z.mdf: frame 1 (byte 60): compressed payload of 11 bytes cannot inflate to the 3221225472 it claims (zlib's ratio is at most 1032:1)" ]]
	# a real deflate stream of 3 MB of zeros claiming one byte more than it holds
	head -c 3000000 /dev/zero >"$BATS_TEST_TMPDIR/zeros"
	mkframe IMAG 'width=1000\nheight=1000\nchannels=3\n' "@$BATS_TEST_TMPDIR/zeros" --zlib --raw 3000001 >"$BATS_TEST_TMPDIR/z2.mdf"
	run -65 --separate-stderr mdf check "$BATS_TEST_TMPDIR/z2.mdf"
	[[ $stderr == *"compressed payload does not inflate to its 3000001 bytes" ]]
	# and one byte less than it holds
	mkframe IMAG 'width=1000\nheight=1000\nchannels=3\n' "@$BATS_TEST_TMPDIR/zeros" --zlib --raw 2999999 >"$BATS_TEST_TMPDIR/z3.mdf"
	run -65 --separate-stderr mdf check "$BATS_TEST_TMPDIR/z3.mdf"
	[[ $stderr == *"compressed payload does not inflate to its 2999999 bytes" ]]
	# the honest one reads
	mkframe IMAG 'width=1000\nheight=1000\nchannels=3\n' "@$BATS_TEST_TMPDIR/zeros" --zlib >"$BATS_TEST_TMPDIR/z4.mdf"
	run mdf check "$BATS_TEST_TMPDIR/z4.mdf"
	assert_success
}

@test "frame: a NUL inside a metadata key is refused, not cut there" {
	# label\0junk=+Z must not read as label=+Z (issue 16, defect 15)
	mkframe TEST 'label\0junk=+Z\n' '' >"$BATS_TEST_TMPDIR/n.mdf"
	run -65 --separate-stderr mdf get label "$BATS_TEST_TMPDIR/n.mdf"
	assert_equal "$stderr" "mdf: $BATS_TEST_TMPDIR/n.mdf: frame 1 (byte 32): metadata line 1: invalid key"
	[ -z "$output" ]
}

@test "frame: 128,854 keys in 1 MiB of metadata are checked in linear time, duplicates still found" {
	# issue 16, defect 4: the duplicate check (and every lookup) was a
	# linear scan per key, 65 s on this frame; the timeout is a guard
	# against that quadratic behaviour, far above the linear run (< 1 s)
	local m="$BATS_TEST_TMPDIR/meta"
	seq 0 128853 | sed 's/^/k/; s/$/=/' >"$m"
	[ "$(wc -c <"$m")" -le 1048576 ]
	mkframe TEST "@$m" '' >"$BATS_TEST_TMPDIR/many.mdf"
	run timeout 30 mdf check "$BATS_TEST_TMPDIR/many.mdf"
	assert_success
	run timeout 30 mdf get k128853 "$BATS_TEST_TMPDIR/many.mdf"
	assert_output ""
	sed -i '$s/.*/k77=/' "$m"
	mkframe TEST "@$m" '' >"$BATS_TEST_TMPDIR/dup.mdf"
	run -65 --separate-stderr timeout 30 mdf check "$BATS_TEST_TMPDIR/dup.mdf"
	[[ $stderr == *"(byte $((32 + $(wc -c <"$m") - 5))): metadata line 128854: duplicate key 'k77'" ]]
	# keys removed and set again keep the index right
	run bash -c "mdf set -u k5 -u k128853 k5=back <'$BATS_TEST_TMPDIR/many.mdf' | mdf get k5"
	assert_output "back"
}
