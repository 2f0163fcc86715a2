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
	# the same frames, byte for byte (issue 16, defect 21: the shape
	# keys moved to the end)
	cmp "$BATS_TEST_TMPDIR/a.mdf" "$BATS_TEST_TMPDIR/b.mdf"
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

@test "mdf: png refuses a side over libpng's limit with exit 65 and says why" {
	# issue 16, defect 16 (a valid 100000000x1 image gave 74 "Invalid IHDR data")
	head -c 1000001 /dev/zero | mdf wrap IMAG width=1000001 height=1 channels=1 >"$BATS_TEST_TMPDIR/w.mdf"
	run --separate-stderr mdf png "$BATS_TEST_TMPDIR/o" "$BATS_TEST_TMPDIR/w.mdf"
	[ "$status" -eq 65 ]
	assert_equal "$stderr" "mdf: $BATS_TEST_TMPDIR/o/000001.png: image of 1000001x1 pixels not written: PNG allows 2^31-1 per side, but libpng (and so Pillow and most readers) refuse more than 1000000 by default"
	head -c 1000000 /dev/zero | mdf wrap IMAG width=1 height=1000000 channels=1 >"$BATS_TEST_TMPDIR/w.mdf"
	run mdf png "$BATS_TEST_TMPDIR/o" "$BATS_TEST_TMPDIR/w.mdf"
	assert_success
}

@test "mdf: control characters from names are escaped in messages" {
	# issue 16, defect 17: ESC and BEL reached the terminal raw
	local name="$BATS_TEST_TMPDIR/a"$'\e'"[31mb"$'\a'".mdf"
	run --separate-stderr mdf check "$name"
	[ "$status" -eq 66 ]
	assert_equal "$stderr" "mdf: $BATS_TEST_TMPDIR/a\\x1b[31mb\\x07.mdf: No such file or directory"
	# a part name with ESC in an error of another tool, and a C1 control
	printf '\200\200\377' | mdf wrap IMAG width=1 height=1 channels=3 $'part=p\e]0;x\a' >"$BATS_TEST_TMPDIR/p.mdf"
	run --separate-stderr mdf get $'bad\xc2\x9bkey' "$BATS_TEST_TMPDIR/p.mdf"
	[ "$status" -eq 64 ]
	assert_equal "$stderr" "mdf: get: invalid key 'bad\\xc2\\x9bkey'"$'\n'"Try 'mdf --help' for more information."
}

@test "mdf: ls and get escape control characters in values (ESC, TAB, C1), keep UTF-8" {
	printf '\200\200\377' | mdf wrap IMAG width=1 height=1 channels=3 \
	    $'part=p\e]0;x\a' $'note=a\tb\xc2\x9bc' $'who=K\xc3\xb6ln' >"$BATS_TEST_TMPDIR/p.mdf"
	run --separate-stderr mdf ls "$BATS_TEST_TMPDIR/p.mdf"
	assert_success
	assert_equal "$output" $'1\tIMAG\t3\twidth=1\theight=1\tchannels=3\tpart=p\\x1b]0;x\\x07\tnote=a\\x09b\\xc2\\x9bc\twho=K\xc3\xb6ln'
	run --separate-stderr mdf get part "$BATS_TEST_TMPDIR/p.mdf"
	assert_success
	assert_equal "$output" 'p\x1b]0;x\x07'
	run bash -c "mdf ls '$BATS_TEST_TMPDIR/p.mdf' | tr -d -c '\033\007\t' | od -An -c | tr -d ' '"
	assert_output '\t\t\t\t\t\t\t\t'   # the 8 column TABs only
}

@test "mdf: PNG metadata sits in one chunk of ours; a key named milldir.meta stays a key" {
	# issue 16, defect 21: milldir.meta=label=-Z rewrote label
	printf '\200\200\377' | mdf wrap IMAG width=1 height=1 channels=3 label=+Z \
		milldir.meta=label=-Z bbox=1,2,3 >"$BATS_TEST_TMPDIR/a.mdf"
	mdf png "$BATS_TEST_TMPDIR/o" "$BATS_TEST_TMPDIR/a.mdf"
	mdf frompng "$BATS_TEST_TMPDIR/o/000001.png" >"$BATS_TEST_TMPDIR/b.mdf"
	cmp "$BATS_TEST_TMPDIR/a.mdf" "$BATS_TEST_TMPDIR/b.mdf"
}

# pil PYTHON-CODE: run with Debian's python3 and its python3-pil (a test
# dependency, installed by ./bootstrap).
pil() {
	/usr/bin/python3 -c 'import PIL' 2>/dev/null || skip "python3-pil not installed"
	/usr/bin/python3 -c "$@"
}

@test "mdf: Pillow opens, converts and re-saves mdf's PNGs whatever the metadata keys" {
	# issue 16, defect 20: keys Pillow uses itself (bbox, interlace,
	# transparency, icc_profile, duration, loop, exif) broke load(),
	# convert(), PNG and GIF saving and exif_transpose
	local k keys=(bbox=0,0,1,1 interlace=1 transparency=0 icc_profile=x duration=5 loop=2 exif=x aspect=1 gamma=2 dpi=3)
	for c in 1 2 3 4; do
		head -c $((4 * 3 * c)) /dev/urandom | mdf wrap IMAG width=4 height=3 channels=$c part=p$c label=+Z "${keys[@]}"
	done >"$BATS_TEST_TMPDIR/a.mdf"
	mdf png "$BATS_TEST_TMPDIR/o" "$BATS_TEST_TMPDIR/a.mdf"
	run pil '
import sys, glob
from PIL import Image, ImageOps
for p in sorted(glob.glob(sys.argv[1] + "/*.png")):
    im = Image.open(p)
    im.load()
    assert im.size == (4, 3), im.size
    assert "bbox" not in im.info and "transparency" not in im.info
    meta = dict(l.split("=", 1) for l in im.info["milldir.frame"].split("\n"))
    assert meta["label"] == "+Z" and meta["bbox"] == "0,0,1,1", meta
    ImageOps.exif_transpose(im)
    rgb = im.convert("RGB")
    im.save(p + ".re.png")
    rgb.save(p + ".gif")
    im.convert("RGBA").save(p + ".webp")
    Image.open(p + ".re.png").load()
print("ok")
' "$BATS_TEST_TMPDIR/o"
	assert_success
	assert_output "ok"
	# the pixels Pillow sees are ours
	pil '
import sys
from PIL import Image
sys.stdout.buffer.write(Image.open(sys.argv[1]).tobytes())
' "$BATS_TEST_TMPDIR/o/000003-p3.png" >"$BATS_TEST_TMPDIR/px"
	cmp "$BATS_TEST_TMPDIR/px" <(mdf payload -n 3 "$BATS_TEST_TMPDIR/a.mdf")
}

@test "mdf: frompng reads older mdf PNGs (a chunk per key) and Latin-1 text chunks" {
	# issue 16, defects 20 and 21: what 0.1 wrote still reads; tEXt is
	# Latin-1 and was dropped when it held a byte over 0x7f
	local long=k$(printf 'x%.0s' $(seq 90))
	pil '
import sys
from PIL import Image, PngImagePlugin
info = PngImagePlugin.PngInfo()
info.add_itxt("part", "p1")
info.add_itxt("label", "-Y")
info.add_itxt("milldir.meta", sys.argv[2] + "=v\n")
info.add_text("note", "Fr\u00e4s")
info.add_text("Comment", "two\nlines")
Image.new("RGB", (2, 1), (1, 2, 3)).save(sys.argv[1], pnginfo=info)
' "$BATS_TEST_TMPDIR/old.png" "$long"
	run mdf frompng "$BATS_TEST_TMPDIR/old.png"
	assert_success
	run mdf ls <(mdf frompng "$BATS_TEST_TMPDIR/old.png")
	assert_output $'1\tIMAG\t6\tpart=p1\tlabel=-Y\t'"$long"$'=v\tnote=Fräs\twidth=2\theight=1\tchannels=3'
}

@test "mdf: frompng refuses a chunk longer than the file before libpng allocates it" {
	# found by tests/fuzz/fuzz_png: libpng cleared 1.8 GB for a text chunk
	# whose length ran past the end of a 239-byte file (7 s, 2 GB)
	run --separate-stderr timeout 10 mdf frompng "$MILLDIR_SRCDIR/tests/fuzz/corpus/png/huge-chunk.png"
	[ "$status" -eq 65 ]
	assert_equal "$stderr" "mdf: $MILLDIR_SRCDIR/tests/fuzz/corpus/png/huge-chunk.png: PNG chunk at byte 56 claims 1862271026 bytes, the file ends before"
}
