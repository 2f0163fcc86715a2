#!/bin/sh
# augment throughput, next to the usual peers doing the same work on the
# same data in the same run:
#  - a 100k-triangle mesh turned by a cube rotation, jittered and noised,
#    next to admesh turning the same binary STL (--x-rotate, binary out);
#  - a 640x640 RGB meta-image (10x10 tiles of 64 px) with brightness,
#    contrast, Gaussian noise, 4 cutouts and 10 dropped views, next to
#    ImageMagick's convert doing brightness/contrast and Gaussian noise
#    on the same pixels as a PPM file.
# Best of 3 runs of 10 copies each; prints ms per copy and the ratios.
set -eu
build=${MILLDIR_BUILDDIR:-$(pwd)}
make -s -C "$build" bin/augment bin/mdf >/dev/null 2>&1 || true
for p in bin/augment bin/mdf; do
	[ -x "$build/$p" ] || { echo "augment bench: $build/$p not built" >&2; exit 1; }
done
PATH="$build/bin:$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=100000

# random triangles in a 100 mm box, as a MESH frame and as a binary STL
perl -e 'srand(1); my $n = shift; for (1 .. $n) {
	print pack("f<*", 0, 0, 1, map { rand(100) } 1 .. 9) }' "$n" > "$work/tri.raw"
mdf wrap MESH triangles=$n label=+Z part=bench < "$work/tri.raw" > "$work/mesh.mdf"
perl -e 'my $n = shift; local $/ = \48; print "\0" x 80, pack("V", $n);
	while (<STDIN>) { print $_, "\0\0" }' "$n" < "$work/tri.raw" > "$work/mesh.stl"
# 640x640 RGB: 100 tiles of 64 px, random colours
head -c 1228800 /dev/urandom > "$work/img.raw"
mdf wrap IMAG width=640 height=640 channels=3 grid=10x10 tile=64 < "$work/img.raw" > "$work/img.mdf"
{ printf 'P6\n640 640\n255\n'; cat "$work/img.raw"; } > "$work/img.ppm"

best() {  # best SECONDS of 3 runs of a command (stdout discarded)
	b=
	for i in 1 2 3; do
		s=$(date +%s.%N)
		"$@" > /dev/null 2>&1
		e=$(date +%s.%N)
		b=$(echo "$s $e ${b:-9999}" | awk '{ t = $2 - $1; print (t < $3) ? t : $3 }')
	done
	echo "$b"
}
ms() { awk -v t="$1" -v k="$2" 'BEGIN { printf "%.2f", 1000 * t / k }'; }

tm=$(best augment --rotations cube --jitter 3 --noise 0.001 -n 10 "$work/mesh.mdf")
echo "augment mesh, $n triangles, rotate+jitter+noise: $(ms "$tm" 10) ms per copy"
if command -v admesh > /dev/null; then
	ta=$(best sh -c "for i in 1 2 3 4 5 6 7 8 9 10; do admesh -c --x-rotate=90 -b '$work/out.stl' '$work/mesh.stl'; done")
	echo "admesh --x-rotate=90 -b, same mesh:               $(ms "$ta" 10) ms per copy"
	awk -v a="$ta" -v b="$tm" 'BEGIN { printf "ratio mesh: augment is %.1fx admesh\n", a / b }'
else
	echo "admesh not found: no mesh ratio (install the Debian package admesh)"
fi

ti=$(best augment --brightness 0.1 --contrast 0.1 --pixel-noise 0.02 --cutout 4 --view-dropout 10 -n 10 "$work/img.mdf")
echo "augment meta-image 640x640, 5 operations:        $(ms "$ti" 10) ms per copy"
if command -v convert > /dev/null; then
	tc=$(best sh -c "for i in 1 2 3 4 5 6 7 8 9 10; do convert '$work/img.ppm' -brightness-contrast 10x10 -attenuate 0.5 +noise Gaussian ppm:-; done")
	echo "convert -brightness-contrast +noise Gaussian:     $(ms "$tc" 10) ms per copy"
	awk -v a="$tc" -v b="$ti" 'BEGIN { printf "ratio image: augment is %.1fx ImageMagick convert\n", a / b }'
else
	echo "convert not found: no image ratio (install the Debian package imagemagick)"
fi
