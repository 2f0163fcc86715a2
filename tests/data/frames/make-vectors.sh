#!/bin/sh
# Regenerates the conformance vectors of milldir-frame(5) in this directory
# with `mdf` and byte patches.  The vectors are committed; this script
# documents how each one was made.  Run from this directory with the built
# mdf on PATH: sh make-vectors.sh
set -eu
export LC_ALL=C

# The CRC-32 (zlib's, as in the format) of stdin, as 4 little-endian bytes:
# gzip's trailer holds exactly that.
crc() { gzip -c | tail -c8 | head -c4; }
# patch FILE OFFSET OCTAL-ESCAPES: overwrite bytes in place.
patch() { printf "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none; }
# fix_hcrc FILE [FRAME_OFFSET]: recompute a header CRC after a patch.
fix_hcrc() {
	o=${2:-0}
	tail -c +$((o + 1)) "$1" | head -c 28 | crc >crc.tmp
	dd if=crc.tmp of="$1" bs=1 seek=$((o + 28)) conv=notrunc status=none
	rm -f crc.tmp
}
# fix_dcrc FILE: recompute the data CRC of a single-frame file.
fix_dcrc() {
	tail -c +33 "$1" | crc >crc.tmp
	dd if=crc.tmp of="$1" bs=1 seek=24 conv=notrunc status=none
	rm -f crc.tmp
	fix_hcrc "$1"
}

# --- valid streams ---
: >empty.mdf
# The worked example of the man page: one 1x1 RGB pixel, the +Z colour.
printf '\200\200\377' | mdf wrap IMAG width=1 height=1 channels=3 part=cube >min.mdf
printf 'abc' | mdf wrap note text=ancillary >note.mdf
perl -e 'print pack("f<*", 0,0,1, 0,0,0, 1,0,0, 0,1,0)' |
	mdf wrap MESH triangles=1 part=tri label=+Z >mesh.mdf
cat mesh.mdf min.mdf note.mdf >three.mdf
head -c 3000 /dev/zero | MILLDIR_COMPRESS=1 mdf wrap IMAG width=10 height=100 channels=3 >zlib.mdf

# --- one invalid stream per kind of corruption ---
cp min.mdf bad-magic.mdf;      patch bad-magic.mdf 0 '\211MDG'
head -c 20 min.mdf >trunc-header.mdf
cp min.mdf header-crc.mdf;     patch header-crc.mdf 8 'X'
cp min.mdf version.mdf;        patch version.mdf 4 '\002'
cp min.mdf flags.mdf;          patch flags.mdf 5 '\200'; fix_hcrc flags.mdf
cp min.mdf type.mdf;           patch type.mdf 8 'IM G'; fix_hcrc type.mdf
# payload length 2^40: over the default 4 GiB limit
cp min.mdf limit.mdf;          patch limit.mdf 16 '\000\000\000\000\000\001\000\000'; fix_hcrc limit.mdf
head -c 40 min.mdf >trunc-meta.mdf
head -c $(($(wc -c <min.mdf) - 1)) min.mdf >trunc-payload.mdf
cp min.mdf crc.mdf;            patch crc.mdf $(($(wc -c <min.mdf) - 1)) '\376'
cp min.mdf meta.mdf;           patch meta.mdf 37 '_'; fix_dcrc meta.mdf
# a 3-byte payload under a 2x1 RGB header (needs 6 bytes)
printf '\200\200\377' | mdf wrap IMAG width=1 height=1 channels=3 >size.mdf
patch size.mdf 38 '2'; fix_dcrc size.mdf
cp zlib.mdf zlib-bad.mdf;      patch zlib-bad.mdf 75 '\377\377\377\377'; fix_dcrc zlib-bad.mdf
# the error is in the second frame: index 2 and that frame's offset
cat mesh.mdf crc.mdf >second-bad.mdf

# --- hostile sizes and keys (issue 16); mkframe.py sets the CRCs ---
mkframe() { python3 mkframe.py "$@"; }
# 2^31 x 2^31 x 4 wraps to 0 in 64 bits: must not pass as an empty image
mkframe IMAG 'width=2147483648\nheight=2147483648\nchannels=4\n' '' >wrap.mdf
# 66 bytes claiming a 3 GiB payload: truncated, never allocated
mkframe IMAG 'width=1\nheight=1\nchannels=3\n' '\1\2\3\4\5\6' --claim 3221225472 >claim.mdf
# 11 bytes of deflate claiming to inflate to 3 GiB
mkframe IMAG 'width=1\nheight=1\nchannels=3\n' '\1\2\3' --zlib --raw 3221225472 >zclaim.mdf
# a NUL inside a key: not the key "label"
mkframe TEST 'label\0junk=+Z\n' '' >nulkey.mdf
