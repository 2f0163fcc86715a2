#!/usr/bin/env bats
# stl2norm: STL, OBJ and PLY models, and STEP, IGES and BREP through the
# CAD kernel, to MESH frames.

load test_helper

D="$MILLDIR_SRCDIR/tests/data/stl2norm"

setup() {
	T=$BATS_TEST_TMPDIR
}

# key FILE KEY [N]: the value of KEY in frame N (default 1) of FILE
key() {
	mdf get "$2" "$1" | sed -n "${3:-1}p"
}

# floats FILE [N]: the payload of frame N as lines of 12 numbers
floats() {
	mdf payload -n "${2:-1}" "$1" | od -An -v -w48 -tf4 | tr -s ' ' | sed 's/^ //'
}

# admesh_facets FILE: the facet count admesh reads from FILE
admesh_facets() {
	admesh -c "$1" | sed -n 's/^Number of facets *: *\([0-9]*\).*/\1/p'
}

@test "stl2norm: --help and --version print to stdout and exit 0" {
	run stl2norm --help
	assert_success
	assert_line --index 0 "Usage: stl2norm [OPTION]... [FILE]..."
	run stl2norm -V
	assert_success
	assert_output --regexp '^stl2norm \(milldir\) [0-9]'
}

@test "stl2norm: misuse exits 64 with a hint" {
	run -64 --separate-stderr stl2norm --bogus "$D/cube.stl"
	[[ $stderr == *"Try 'stl2norm --help' for more information."* ]]
	run -64 --separate-stderr stl2norm -l +W "$D/cube.stl"
	[[ $stderr == "stl2norm: --label: expected +X -X +Y -Y +Z or -Z, got '+W'"* ]]
	run -64 --separate-stderr stl2norm -f dxf "$D/cube.stl"
	[[ $stderr == "stl2norm: --format: expected stl, obj, ply, step, iges or brep, got 'dxf'"* ]]
	run -64 --separate-stderr stl2norm -t 0 "$D/cube.stl"
	[[ $stderr == "stl2norm: --tolerance: expected mm above 0, got '0'"* ]]
	run -64 --separate-stderr stl2norm -a 2 "$D/cube.stl"
	[[ $stderr == "stl2norm: --angular: expected radians from 0.01 to 1.5, got '2'"* ]]
}

@test "stl2norm: ASCII cube gives one MESH frame with its metadata" {
	stl2norm "$D/cube.stl" > "$T/o.mdf"
	run mdf ls "$T/o.mdf"
	assert_output "$(printf '1\tMESH\t576\tsource=%s\tpart=cube\ttriangles=12\tbbox=0,0,0:1,1,1\tarea=6\tunits=mm\tdropped=0' "$D/cube.stl")"
	# first triangle: normal from the winding, then the vertices as written
	run floats "$T/o.mdf"
	assert_line --index 0 "0 0 -1 0 0 0 0 1 0 1 1 0"
	meshcheck -f "$T/o.mdf"
}

@test "stl2norm: OBJ quads, v/vt/vn corners and negative indices make a closed cube" {
	stl2norm "$D/cube.obj" > "$T/o.mdf"
	[ "$(key "$T/o.mdf" triangles)" = 12 ]
	[ "$(key "$T/o.mdf" area)" = 6 ]
	[ "$(key "$T/o.mdf" part)" = cube ]
	run meshcheck -f "$T/o.mdf"
	assert_success
	assert_output --partial "triangles=12 vertices=8"
}

@test "stl2norm: ASCII PLY with an extra property makes a closed cube" {
	stl2norm "$D/cube.ply" > "$T/o.mdf"
	[ "$(key "$T/o.mdf" triangles)" = 12 ]
	[ "$(key "$T/o.mdf" bbox)" = "0,0,0:1,1,1" ]
	meshcheck -f "$T/o.mdf"
}

@test "stl2norm: binary little- and big-endian PLY with list and scalar face properties" {
	local fmt
	for fmt in 'binary_little_endian:<' 'binary_big_endian:>'; do
		perl -e '
		my ($f, $e) = split /:/, $ARGV[0];
		print "ply\nformat $f 1.0\nelement vertex 4\nproperty float x\nproperty float y\nproperty double z\n",
		  "element face 1\nproperty list uchar uint vertex_indices\nproperty short flags\nend_header\n";
		for my $v ([0,0,0],[2,0,0],[2,1,0],[0,1,0]) { print pack("f${e}f${e}d${e}", @$v) }
		print pack("C", 4), pack("L${e}4 s${e}", 0, 1, 2, 3, 7);' "$fmt" > "$T/q.ply"
		stl2norm "$T/q.ply" > "$T/o.mdf"
		[ "$(key "$T/o.mdf" triangles)" = 2 ]
		[ "$(key "$T/o.mdf" area)" = 2 ]
		run floats "$T/o.mdf"
		assert_line --index 0 "0 0 1 0 0 0 2 0 0 2 1 0"
		assert_line --index 1 "0 0 1 0 0 0 2 1 0 0 1 0"
	done
	head -c 250 "$T/q.ply" > "$T/cut.ply"
	run -65 --separate-stderr stl2norm "$T/cut.ply"
	[ "$stderr" = "stl2norm: $T/cut.ply: byte 250: truncated binary PLY" ]
}

@test "stl2norm: a binary STL whose header starts with 'solid' is read as binary" {
	stlgen -s -n 40 > "$T/s.stl"
	[ "$(head -c 5 "$T/s.stl")" = solid ]
	stl2norm "$T/s.stl" > "$T/o.mdf"
	[ "$(key "$T/o.mdf" triangles)" = 40 ]
	[ "$(key "$T/o.mdf" dropped)" = 0 ]
}

@test "stl2norm: binary and ASCII of the same mesh give the same frame payload" {
	stlgen -n 200 > "$T/b.stl"
	stlgen -a -x -n 200 > "$T/a.stl"
	stl2norm "$T/b.stl" > "$T/b.mdf"
	stl2norm "$T/a.stl" > "$T/a.mdf"
	mdf payload "$T/b.mdf" > "$T/b.bin"
	mdf payload "$T/a.mdf" > "$T/a.bin"
	# -x prints 9 significant digits, enough to give back every float
	cmp "$T/a.bin" "$T/b.bin"
}

@test "stl2norm: ASCII in any case, with CRLF, tabs, odd numbers and no final newline" {
	stl2norm "$D/cube.stl" | mdf payload > "$T/want.bin"
	# CRLF and upper case
	sed 's/$/\r/' "$D/cube.stl" | tr a-z A-Z > "$T/crlf.stl"
	# tabs, numbers as 0.000000e+000 / 1.000000E+000 / .0 / 1. and no final newline
	sed -e 's/  */\t/g' -e 's/ 0 / 0.000000e+000 /g' -e 's/ 1$/ 1.000000E+000/' \
	    -e 's/ 0$/ .0/' -e 's/vertex 1 /vertex 1. /' "$D/cube.stl" |
	    head -c -1 > "$T/odd.stl"
	[ "$(tail -c 8 "$T/odd.stl")" = "dsolid	cube" ] || [ "$(tail -c 4 "$T/odd.stl")" = cube ]
	for f in crlf odd; do
		stl2norm "$T/$f.stl" | mdf payload > "$T/$f.bin"
		cmp "$T/want.bin" "$T/$f.bin"
	done
}

@test "stl2norm: several solids give one frame each, or one with --merge" {
	{ cat "$D/cube.stl"; sed 's/cube/second one/' "$D/cube.stl"; } > "$T/two.stl"
	stl2norm "$T/two.stl" > "$T/o.mdf"
	run mdf ls "$T/o.mdf"
	assert_equal "${#lines[@]}" 2
	[ "$(key "$T/o.mdf" body 2)" = 2 ]
	[ "$(key "$T/o.mdf" solid 2)" = "second one" ]
	[ "$(key "$T/o.mdf" triangles 2)" = 12 ]
	stl2norm --merge "$T/two.stl" > "$T/m.mdf"
	run mdf ls "$T/m.mdf"
	assert_equal "${#lines[@]}" 1
	[ "$(key "$T/m.mdf" triangles)" = 24 ]
	[ "$(key "$T/m.mdf" area)" = 12 ]
}

@test "stl2norm: degenerate triangles are dropped, counted and reported" {
	# a repeated vertex and three points on one line
	sed '$d' "$D/cube.stl" > "$T/d.stl"
	printf 'facet normal 0 0 0\nouter loop\nvertex 0 0 0\nvertex 0 0 0\nvertex 1 1 1\nendloop\nendfacet\n' >> "$T/d.stl"
	printf 'facet normal 0 0 0\nouter loop\nvertex 0 0 0\nvertex 1 1 1\nvertex 2 2 2\nendloop\nendfacet\nendsolid\n' >> "$T/d.stl"
	run --separate-stderr stl2norm "$T/d.stl"
	[ "$status" -eq 0 ]
	[ "$stderr" = "stl2norm: $T/d.stl: dropped 2 degenerate triangles" ]
	stl2norm -q "$T/d.stl" > "$T/o.mdf" 2> "$T/err"
	[ ! -s "$T/err" ]
	[ "$(key "$T/o.mdf" triangles)" = 12 ]
	[ "$(key "$T/o.mdf" dropped)" = 2 ]
	meshcheck -f "$T/o.mdf"
}

@test "stl2norm: a file of degenerate triangles only exits 65" {
	printf 'solid flat\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 2 0 0\nendloop\nendfacet\nendsolid flat\n' > "$T/flat.stl"
	run -65 --separate-stderr stl2norm "$T/flat.stl"
	[ "$stderr" = "stl2norm: $T/flat.stl: line 1: solid 'flat': no triangles left after dropping 1 degenerate ones" ]
}

@test "stl2norm: stored normals that disagree are counted; --keep-normals keeps them" {
	# the first facet's stored normal points up, its winding down
	sed '2s/.*/  facet normal 0 0 2/' "$D/cube.stl" > "$T/n.stl"
	run --separate-stderr stl2norm "$T/n.stl"
	[ "$stderr" = "stl2norm: $T/n.stl: 1 of 12 stored normals differ from the winding by more than 30 degrees" ]
	stl2norm -q "$T/n.stl" > "$T/o.mdf"
	run floats "$T/o.mdf"
	assert_line --index 0 "0 0 -1 0 0 0 0 1 0 1 1 0"
	stl2norm -q --keep-normals "$T/n.stl" > "$T/k.mdf"
	run floats "$T/k.mdf"
	assert_line --index 0 "0 0 1 0 0 0 0 1 0 1 1 0"
	assert_line --index 1 "0 0 -1 0 0 0 1 1 0 1 0 0"
	# "nan" or "inf" normals, as some exporters write, are not errors
	sed '2s/.*/  facet normal -nan inf NaN/' "$D/cube.stl" > "$T/nan.stl"
	stl2norm --keep-normals "$T/nan.stl" > "$T/nan.mdf"
	run floats "$T/nan.mdf"
	assert_line --index 0 "0 0 -1 0 0 0 0 1 0 1 1 0"
	stlgen -n 3 > "$T/b.stl"
	{ head -c 84 "$T/b.stl"; f32 nan; tail -c +89 "$T/b.stl"; } > "$T/bnan.stl"
	stl2norm --keep-normals "$T/bnan.stl" > "$T/b.mdf"
	[ "$(key "$T/b.mdf" triangles)" = 3 ]
}

@test "stl2norm: empty file exits 65 naming byte 0" {
	: > "$T/empty.stl"
	run -65 --separate-stderr stl2norm "$T/empty.stl"
	[ "$stderr" = "stl2norm: $T/empty.stl: byte 0: empty file" ]
}

@test "stl2norm: truncated binary STL exits 65 naming the byte" {
	stlgen -n 12 > "$T/full.stl"
	[ "$(wc -c < "$T/full.stl")" -eq 684 ]
	head -c 584 "$T/full.stl" > "$T/cut.stl"
	run -65 --separate-stderr stl2norm "$T/cut.stl"
	[ "$stderr" = "stl2norm: $T/cut.stl: byte 584: truncated binary STL: header says 12 triangles (684 bytes), file ends inside triangle 11" ]
	head -c 82 "$T/full.stl" > "$T/short.stl"
	run -65 --separate-stderr stl2norm "$T/short.stl"
	[[ $stderr == "stl2norm: $T/short.stl: byte 82: truncated binary STL: shorter than the 84-byte header" ]]
	# the same with a "solid" header: still binary, still truncated
	stlgen -s -n 12 | head -c 600 > "$T/scut.stl"
	run -65 --separate-stderr stl2norm "$T/scut.stl"
	[[ $stderr == "stl2norm: $T/scut.stl: byte 600: truncated binary STL: "* ]]
}

@test "stl2norm: a triangle count that disagrees with the size exits 65" {
	stlgen -n 12 > "$T/x.stl"
	printf 'junk' >> "$T/x.stl"
	run -65 --separate-stderr stl2norm "$T/x.stl"
	[ "$stderr" = "stl2norm: $T/x.stl: byte 80: triangle count 12 disagrees with the size: 684 bytes expected, file has 688" ]
	{ head -c 80 "$T/x.stl"; printf '\0\0\0\0'; } > "$T/zero.stl"
	run -65 --separate-stderr stl2norm "$T/zero.stl"
	[ "$stderr" = "stl2norm: $T/zero.stl: byte 80: binary STL with no triangles (84 bytes)" ]
}

@test "stl2norm: NaN and infinite coordinates exit 65 with their position" {
	stlgen -n 12 > "$T/b.stl"
	# triangle 3, vertex 2, y: byte 84 + 2*50 + 12 + 12 + 4 = 212
	{ head -c 212 "$T/b.stl"; f32 inf; tail -c +217 "$T/b.stl"; } > "$T/inf.stl"
	run -65 --separate-stderr stl2norm "$T/inf.stl"
	[ "$stderr" = "stl2norm: $T/inf.stl: byte 212: triangle 3: non-finite coordinate" ]
	{ head -c 96 "$T/b.stl"; f32 nan; tail -c +101 "$T/b.stl"; } > "$T/nan.stl"
	run -65 --separate-stderr stl2norm "$T/nan.stl"
	[ "$stderr" = "stl2norm: $T/nan.stl: byte 96: triangle 1: non-finite coordinate" ]
	sed '5s/vertex 0 1 0/vertex 0 NaN 0/' "$D/cube.stl" > "$T/nan-a.stl"
	run -65 --separate-stderr stl2norm "$T/nan-a.stl"
	[ "$stderr" = "stl2norm: $T/nan-a.stl: line 5: non-finite coordinate 'NaN'" ]
	sed '4s/vertex 0 0 0/vertex 0 0 -1e39/' "$D/cube.stl" > "$T/big.stl"
	run -65 --separate-stderr stl2norm "$T/big.stl"
	[ "$stderr" = "stl2norm: $T/big.stl: line 4: non-finite coordinate '-1e39' (out of float range)" ]
}

@test "stl2norm: ASCII syntax errors say what was expected, with the line" {
	sed '6s/vertex/vertx/' "$D/cube.stl" > "$T/bad.stl"
	run -65 --separate-stderr stl2norm "$T/bad.stl"
	[ "$stderr" = "stl2norm: $T/bad.stl: line 6: expected 'vertex', found 'vertx'" ]
	sed '4s/0 0 0/0 zero 0/' "$D/cube.stl" > "$T/num.stl"
	run -65 --separate-stderr stl2norm "$T/num.stl"
	[ "$stderr" = "stl2norm: $T/num.stl: line 4: expected a number, found 'zero'" ]
	head -n 20 "$D/cube.stl" > "$T/cut.stl"
	run -65 --separate-stderr stl2norm "$T/cut.stl"
	[ "$stderr" = "stl2norm: $T/cut.stl: line 21: expected 'endloop', found end of file" ]
	printf 'hello world\n' > "$T/text.stl"
	run -65 --separate-stderr stl2norm "$T/text.stl"
	[ "$stderr" = "stl2norm: $T/text.stl: line 1: expected 'solid', found 'hello'" ]
}

@test "stl2norm: OBJ face errors exit 65 with the line" {
	printf 'v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 9\n' > "$T/range.obj"
	run -65 --separate-stderr stl2norm "$T/range.obj"
	[ "$stderr" = "stl2norm: $T/range.obj: line 4: face index 9 out of range (3 vertices)" ]
	printf 'v 0 0 0\nv 1 0 0\nf -1 -2 -3\nv 0 1 0\n' > "$T/neg.obj"
	run -65 --separate-stderr stl2norm "$T/neg.obj"
	[ "$stderr" = "stl2norm: $T/neg.obj: line 3: face index -3 out of range (2 vertices)" ]
	printf 'v 0 0 0\nv 1 0 0\nv 0 1 0\nf 0 1 2\n' > "$T/zero.obj"
	run -65 --separate-stderr stl2norm "$T/zero.obj"
	[ "$stderr" = "stl2norm: $T/zero.obj: line 4: face index 0 (indices start at 1)" ]
	printf 'v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2\n' > "$T/two.obj"
	run -65 --separate-stderr stl2norm "$T/two.obj"
	[ "$stderr" = "stl2norm: $T/two.obj: line 4: face with 2 vertices, expected at least 3" ]
	printf 'v 0 0 nan\n' > "$T/nan.obj"
	run -65 --separate-stderr stl2norm "$T/nan.obj"
	[ "$stderr" = "stl2norm: $T/nan.obj: line 1: non-finite coordinate 'nan'" ]
}

@test "stl2norm: PLY errors exit 65 with the line or byte" {
	sed 's/^4 0 3 2 1$/4 0 3 2 8/' "$D/cube.ply" > "$T/range.ply"
	run -65 --separate-stderr stl2norm "$T/range.ply"
	[ "$stderr" = "stl2norm: $T/range.ply: line 20: face 1: vertex index 8 out of range (8 vertices)" ]
	sed 's/^format ascii/format ebcdic/' "$D/cube.ply" > "$T/fmt.ply"
	run -65 --separate-stderr stl2norm "$T/fmt.ply"
	[ "$stderr" = "stl2norm: $T/fmt.ply: line 2: unknown PLY format 'ebcdic'" ]
	head -n 15 "$D/cube.ply" > "$T/short.ply"
	run -65 --separate-stderr stl2norm "$T/short.ply"
	[ "$stderr" = "stl2norm: $T/short.ply: line 16: expected a number, found end of file" ]
	# a double too large for a float is refused, not converted (undefined in C)
	perl -e 'print "ply\nformat binary_little_endian 1.0\nelement vertex 3\nproperty double x\nproperty double y\nproperty double z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n", pack("d<9", 0, 0, 0, 1e300, 0, 0, 0, 1, 0), pack("Cl<3", 3, 0, 1, 2)' > "$T/huge.ply"
	run -65 --separate-stderr stl2norm "$T/huge.ply"
	[ "$stderr" = "stl2norm: $T/huge.ply: byte 196: vertex 2: out-of-range coordinate" ]
}

@test "stl2norm: a bad file does not stop the others, but the status says so" {
	: > "$T/empty.stl"
	run --separate-stderr bash -c "stl2norm '$D/cube.stl' '$T/empty.stl' '$D/cube.obj' > '$T/o.mdf'"
	[ "$status" -eq 65 ]
	[ "$stderr" = "stl2norm: $T/empty.stl: byte 0: empty file" ]
	[ "$(mdf get source "$T/o.mdf")" = "$D/cube.stl"$'\n'"$D/cube.obj" ]
	run -65 --separate-stderr bash -c "stl2norm --strict '$D/cube.stl' '$T/empty.stl' '$D/cube.obj' > '$T/s.mdf'"
	[ "$(mdf get source "$T/s.mdf")" = "$D/cube.stl" ]
	run -66 --separate-stderr bash -c "stl2norm '$T/none.stl' '$D/cube.stl' > '$T/m.mdf'"
	[ "$stderr" = "stl2norm: $T/none.stl: No such file or directory" ]
	[ "$(mdf get part "$T/m.mdf")" = cube ]
}

@test "stl2norm: binary STL imported in two passes, in any pieces, gives the bytes of the one-pass import" {
	# STL2NORM_CHUNK=0 builds the payload whole (the reference); messy
	# triangles: degenerate ones, odd magnitudes, bad stored normals
	stlgen -r 7 -n 20000 > "$T/m.stl"
	stlgen -s -n 5000 > "$T/r.stl"
	for k in '' -k; do
		STL2NORM_CHUNK=0 stl2norm -q $k "$T/m.stl" "$T/r.stl" - < "$T/m.stl" > "$T/whole.mdf"
		for c in '' 1 7 512 100000; do
			STL2NORM_CHUNK=$c stl2norm -q $k "$T/m.stl" "$T/r.stl" - < "$T/m.stl" > "$T/s.mdf"
			cmp "$T/whole.mdf" "$T/s.mdf" || fail "STL2NORM_CHUNK='$c' $k"
		done
	done
	mdf check "$T/s.mdf"
	[ "$(key "$T/s.mdf" dropped)" -gt 1000 ]
	# a compressing writer gets the payload whole, with the same bytes
	MILLDIR_COMPRESS=1 stl2norm -q "$T/m.stl" > "$T/z.mdf"
	MILLDIR_COMPRESS=1 STL2NORM_CHUNK=0 stl2norm -q "$T/m.stl" > "$T/z0.mdf"
	cmp "$T/z.mdf" "$T/z0.mdf"
	stl2norm -q "$T/m.stl" | mdf payload > "$T/p"
	mdf payload "$T/z.mdf" > "$T/zp"
	cmp "$T/zp" "$T/p"
	run -64 --separate-stderr env STL2NORM_CHUNK=x stl2norm "$T/r.stl"
}

@test "stl2norm: the vector import of binary STL gives the bytes and warnings of the portable one" {
	# MILLDIR_IMPORT_PORTABLE=1 keeps to the scalar code; -z makes bbox
	# bounds of zero whose sign depends on which triangle came last
	stlgen -r 11 -n 20003 > "$T/m.stl"
	for seed in 1 2 3 4 5 6; do
		stlgen -r $seed -z -n 3001 > "$T/z$seed.stl"
	done
	for k in '' -k; do
		for c in 0 '' 5; do
			MILLDIR_IMPORT_PORTABLE=1 STL2NORM_CHUNK=$c stl2norm $k "$T/m.stl" "$T"/z?.stl > "$T/p.mdf" 2> "$T/p.err"
			STL2NORM_CHUNK=$c stl2norm $k "$T/m.stl" "$T"/z?.stl > "$T/v.mdf" 2> "$T/v.err"
			cmp "$T/p.mdf" "$T/v.mdf" || fail "STL2NORM_CHUNK='$c' $k"
			cmp "$T/p.err" "$T/v.err"
		done
	done
	# both signs of zero bounds occur
	mdf get bbox "$T/v.mdf" > "$T/bbox"
	grep -q '^-0,' "$T/bbox"
	grep -q '^0,' "$T/bbox"
	# a non-finite coordinate inside a group of four is found in both
	stlgen -n 400 > "$T/b.stl"
	{ head -c $((84 + 201 * 50 + 28)) "$T/b.stl"; f32 -inf; tail -c +$((84 + 201 * 50 + 33)) "$T/b.stl"; } > "$T/inf.stl"
	run -65 --separate-stderr stl2norm "$T/inf.stl"
	[ "$stderr" = "stl2norm: $T/inf.stl: byte 10162: triangle 202: non-finite coordinate" ]
	run -65 --separate-stderr env MILLDIR_IMPORT_PORTABLE=1 stl2norm "$T/inf.stl"
	[ "$stderr" = "stl2norm: $T/inf.stl: byte 10162: triangle 202: non-finite coordinate" ]
}

@test "stl2norm: a bad binary STL writes nothing; the frames around it are whole" {
	stlgen -n 3000 > "$T/a.stl"
	# the last triangle's last coordinate: found only at the end of the file
	{ head -c $((84 + 2999 * 50 + 44)) "$T/a.stl"; f32 nan; tail -c 2 "$T/a.stl"; } > "$T/bad.stl"
	stl2norm "$T/a.stl" "$T/a.stl" > "$T/want.mdf"
	run -65 --separate-stderr bash -c "stl2norm '$T/a.stl' '$T/bad.stl' '$T/a.stl' > '$T/o.mdf'"
	[ "$stderr" = "stl2norm: $T/bad.stl: byte 150078: triangle 3000: non-finite coordinate" ]
	cmp "$T/want.mdf" "$T/o.mdf"
	run -65 --separate-stderr bash -c "stl2norm '$T/bad.stl' > '$T/o.mdf'"
	[ ! -s "$T/o.mdf" ]
}

@test "stl2norm: a write error exits 74, frame written in pieces or whole" {
	[ -w /dev/full ] || skip "/dev/full not available"
	stlgen -n 5000 > "$T/r.stl"
	for c in '' 0; do
		run -74 --separate-stderr bash -c "STL2NORM_CHUNK='$c' stl2norm '$T/r.stl' > /dev/full"
		[ "$stderr" = "stl2norm: stdout: frame 1: write error: No space left on device" ]
	done
}

@test "stl2norm: reads standard input, mapped or piped" {
	stl2norm < "$D/cube.stl" > "$T/a.mdf"
	[ "$(key "$T/a.mdf" source)" = - ]
	[ "$(key "$T/a.mdf" part)" = stdin ]
	cat "$D/cube.obj" | stl2norm -f obj -p box - > "$T/b.mdf"
	[ "$(key "$T/b.mdf" part)" = box ]
	[ "$(key "$T/b.mdf" triangles)" = 12 ]
}

@test "stl2norm: --format overrides the extension" {
	cp "$D/cube.obj" "$T/model.txt"
	stl2norm -f obj "$T/model.txt" > "$T/o.mdf"
	[ "$(key "$T/o.mdf" triangles)" = 12 ]
	[ "$(key "$T/o.mdf" part)" = model ]
	# without it, the unknown extension means STL: not text STL, not binary
	run -65 --separate-stderr stl2norm "$T/model.txt"
	[ "$stderr" = "stl2norm: $T/model.txt: line 1: expected 'solid', found '#'" ]
	# extensions in any case, as SolidWorks writes .STL
	cp "$D/cube.obj" "$T/BOX.OBJ"
	stl2norm "$T/BOX.OBJ" > "$T/u.mdf"
	[ "$(key "$T/u.mdf" part)" = BOX ]
	[ "$(key "$T/u.mdf" triangles)" = 12 ]
}

@test "stl2norm: labels from -l or a TSV file, units from -u" {
	stl2norm -l -Z -u inch "$D/cube.stl" > "$T/o.mdf"
	[ "$(key "$T/o.mdf" label)" = -Z ]
	[ "$(key "$T/o.mdf" units)" = inch ]
	printf '# part\tlabel\n\ncube\t+Y\nother\t-X\n' > "$T/labels.tsv"
	stl2norm --labels "$T/labels.tsv" "$D/cube.stl" "$D/cube.ply" > "$T/l.mdf"
	[ "$(mdf get label "$T/l.mdf")" = $'+Y\n+Y' ]
	run --separate-stderr bash -c "stl2norm -L '$T/labels.tsv' -p lonely '$D/cube.stl' > '$T/n.mdf'"
	[ "$status" -eq 0 ]
	[ "$stderr" = "stl2norm: $D/cube.stl: part 'lonely' has no label in $T/labels.tsv" ]
	[ -z "$(key "$T/n.mdf" label)" ]
	printf 'cube\t+Q\n' > "$T/bad.tsv"
	run -65 --separate-stderr stl2norm -L "$T/bad.tsv" "$D/cube.stl"
	[ "$stderr" = "stl2norm: $T/bad.tsv: line 1: expected PART<TAB>LABEL with LABEL one of +X -X +Y -Y +Z -Z" ]
}

@test "stl2norm: --center moves the box centre to the origin, --unit scales into the unit sphere" {
	stlgen -n 100 > "$T/r.stl"
	stl2norm --center "$T/r.stl" > "$T/c.mdf"
	# the box is symmetric about the origin
	key "$T/c.mdf" bbox | tr ',:' '  ' | awk '{ for (i = 1; i <= 3; i++) if ($i + $(i+3) > 1e-5 || $i + $(i+3) < -1e-5 || $i >= 0) exit 1 }'
	stl2norm --unit "$D/cube.stl" > "$T/u.mdf"
	[ "$(key "$T/u.mdf" bbox)" = "-0.5773503,-0.5773503,-0.5773503:0.5773503,0.5773503,0.5773503" ]
	[ "$(key "$T/u.mdf" area)" = 8 ]
	# every vertex within the unit sphere, some on it
	floats "$T/u.mdf" | awk '{ for (i = 4; i <= 12; i += 3) { d = sqrt($i^2 + $(i+1)^2 + $(i+2)^2); if (d > 1.000001) bad = 1; if (d > m) m = d } }
	    END { exit !(m > 0.999999 && !bad) }'
}

@test "stl2norm: float parsing agrees with strtof on tricky and random inputs" {
	floatcheck 1e+000 -1.734723e-015 .5 5. 1E3 -0 0.000000e+000 7.685889e+000 \
	    1.17549435e-38 1.4e-45 7e-46 3.4028235e38 3.40282357e38 1e39 \
	    16777217 33554435 1.00000005960464477539062499 0.1 \
	    123456789012345678901234567890 0.000000000000000000000000000001234567890123456789 \
	    9.999999e-039 2.5e-45
	floatcheck -r 100000
}

@test "stl2norm: triangle counts equal admesh's on every STL of the tests" {
	command -v admesh > /dev/null || skip "admesh not installed"
	stlgen -s -n 300 > "$T/s.stl"
	stlgen -a -n 301 > "$T/a.stl"
	sed 's/$/\r/' "$D/cube.stl" | tr a-z A-Z > "$T/crlf.stl"
	# admesh keeps degenerate facets: compare triangles + dropped
	sed '$d' "$D/cube.stl" > "$T/d.stl"
	printf 'facet normal 0 0 0\nouter loop\nvertex 0 0 0\nvertex 0 0 0\nvertex 1 1 1\nendloop\nendfacet\nendsolid\n' >> "$T/d.stl"
	local f
	for f in "$D/cube.stl" "$T/s.stl" "$T/a.stl" "$T/crlf.stl" "$T/d.stl"; do
		stl2norm -q "$f" > "$T/o.mdf"
		[ $(($(key "$T/o.mdf" triangles) + $(key "$T/o.mdf" dropped))) = "$(admesh_facets "$f")" ] || fail "$f"
	done
	[ "$(key "$T/o.mdf" dropped)" = 1 ]
}

@test "stl2norm: real CAD files: counts equal admesh's and MANIFEST's" {
	need_real_stl
	command -v admesh > /dev/null || skip "admesh not installed"
	local file tris want
	while IFS=$'\t' read -r file _ _ _ tris _; do
		[ "$file" = file ] && continue
		stl2norm -q "$REAL_STL/$file" > "$T/o.mdf"
		run key "$T/o.mdf" triangles
		assert_output "$tris"
		want=$(admesh_facets "$REAL_STL/$file")
		assert_output "$want"
	done < "$REAL_STL/MANIFEST.tsv"
}

@test "stl2norm: real CAD files: binary with a 'solid' header, SolidWorks ASCII, 10 bodies" {
	need_real_stl
	stl2norm "$REAL_STL/forgescan_bin_pocket_plusY.stl" > "$T/f.mdf"
	[ "$(key "$T/f.mdf" triangles)" = 28 ]
	[ "$(key "$T/f.mdf" bbox)" = "-0.3926991,-0.2617994,-0.3141593:0.3926991,0.2617994,0.3141593" ]
	# 3-digit exponents, -1.734723e-015 next to 0, no final newline
	stl2norm "$REAL_STL/featurenet_17_1_slanted_through_step.stl" > "$T/s.mdf"
	[ "$(key "$T/s.mdf" bbox)" = "-1.734723e-15,0,0:10,10,10" ]
	[ "$(key "$T/s.mdf" triangles)" = 20 ]
	run --separate-stderr stl2norm "$REAL_STL/abc_00000001_trimesh_000.stl"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
}

@test "stl2norm: STEP parts from partgen: closed meshes, their volume, the same metadata as STL" {
	partgen -n 4 --seed 3 -d 0.5 -f step -o "$T/s"
	partgen -n 4 --seed 3 -d 0.5 --frames > "$T/p.mdf"
	stl2norm --labels "$T/s/labels.tsv" "$T/s"/*.step > "$T/o.mdf"
	run meshcheck -f "$T/o.mdf"
	assert_success
	assert_equal "${#lines[@]}" 4
	run mdf ls "$T/o.mdf"
	assert_line --index 0 --regexp $'^1\tMESH\t[0-9]+\tsource='"$T"$'/s/part-0001.step\tpart=part-0001\tlabel=[-+][XYZ]\ttriangles=[0-9]+\tbbox=[-0-9.e,:]+\tarea=[0-9.e+]+\tunits=mm\tdropped=[0-9]+$'
	assert_equal "$(mdf get label "$T/o.mdf")" "$(mdf get label "$T/p.mdf")"
	# the same solid: volumes and bounding boxes within 1 % (curved faces
	# are tessellated at another tolerance)
	paste <(meshcheck -f "$T/o.mdf" | sed 's/.*volume=\([^ ]*\).*/\1/') \
	    <(mdf get part.volume "$T/p.mdf") <(mdf get bbox "$T/o.mdf") \
	    <(mdf get bbox "$T/p.mdf") > "$T/rows"
	run awk -F'\t' '{
		if (($1 - $2) ^ 2 > (0.01 * $2) ^ 2) print NR ": volume " $1 " vs " $2
		split($3, a, /[,:]/); split($4, b, /[,:]/)
		for (i = 1; i <= 6; i++) if ((a[i] - b[i]) ^ 2 > (0.01 * (b[4] - b[1])) ^ 2) print NR ": bbox " $3 " vs " $4
	}' "$T/rows"
	assert_output ""
}

@test "stl2norm: IGES and BREP read as STEP does; STEP from standard input with -f step" {
	partgen -n 1 --seed 5 -f step -o "$T/s"
	partgen -n 1 --seed 5 -f iges -o "$T/i"
	partgen -n 1 --seed 5 -f brep -o "$T/b"
	stl2norm -t 0.05 "$T/s/part-0001.step" > "$T/s.mdf"
	stl2norm -t 0.05 "$T/i/part-0001.igs" > "$T/i.mdf"
	stl2norm -t 0.05 "$T/b/part-0001.brep" > "$T/b.mdf"
	stl2norm -t 0.05 -f step - < "$T/s/part-0001.step" > "$T/stdin.mdf"
	# the same solid read three ways: the same mesh but for rounding
	run bash -c "meshcheck -f '$T/s.mdf' '$T/i.mdf' '$T/b.mdf' | sort -u | wc -l"
	assert_output 1
	cmp <(mdf payload "$T/s.mdf") <(mdf payload "$T/stdin.mdf")
	[ "$(key "$T/stdin.mdf" part)" = stdin ]
	run -64 --separate-stderr stl2norm -f iges - < "$T/i/part-0001.igs"
	assert_equal "${stderr_lines[0]}" "stl2norm: IGES is read from a file only, not from standard input"
}

@test "stl2norm: --tolerance and --angular set the tessellation of CAD models" {
	partgen -n 1 --seed 2 --size 100 -f step -o "$T/s"
	stl2norm -t 1 -a 0.8 "$T/s/part-0001.step" > "$T/coarse.mdf"
	stl2norm -t 0.01 -a 0.1 "$T/s/part-0001.step" > "$T/fine.mdf"
	stl2norm "$T/s/part-0001.step" > "$T/default.mdf"
	local c f d
	c=$(key "$T/coarse.mdf" triangles)
	f=$(key "$T/fine.mdf" triangles)
	d=$(key "$T/default.mdf" triangles)
	[ "$f" -gt $((4 * c)) ] || fail "fine $f, coarse $c"
	[ "$d" -gt "$c" ] && [ "$d" -lt "$f" ] || fail "default $d, coarse $c, fine $f"
	meshcheck -f "$T/coarse.mdf" "$T/fine.mdf"
}

@test "stl2norm: a CAD model of two solids gives two frames, or one with --merge" {
	cadmk two-blocks "$T/two.step"
	stl2norm "$T/two.step" > "$T/o.mdf"
	run meshcheck -f "$T/o.mdf"
	assert_success
	assert_line --index 0 "two: triangles=12 vertices=8 edges=18 euler=2 volume=2800 ok"
	assert_line --index 1 "two: triangles=12 vertices=8 edges=18 euler=2 volume=2800 ok"
	[ "$(key "$T/o.mdf" body 2)" = 2 ]
	[ "$(mdf get bbox "$T/o.mdf")" = $'0,0,0:14,20,10\n16,0,0:30,20,10' ]
	stl2norm -m "$T/two.step" > "$T/m.mdf"
	[ "$(key "$T/m.mdf" triangles)" = 24 ]
	[ "$(key "$T/m.mdf" area)" = 2480 ]
}

@test "stl2norm: bad STEP, IGES and BREP files exit 65 with the reader's line; stdout stays clean" {
	run -65 --separate-stderr stl2norm "$D/syntax-error.step"
	assert_equal "$stderr" "stl2norm: $D/syntax-error.step: line 8: incorrect syntax: unexpected ';', expecting ')' or ','"
	[ -z "$output" ]
	run -65 --separate-stderr stl2norm "$D/no-solid.step"
	assert_equal "$stderr" "stl2norm: $D/no-solid.step: no solid or surface in the STEP model"
	printf 'hello\n' > "$T/x.step"
	: > "$T/empty.step"
	printf 'junk\n' > "$T/x.brep"
	printf 'junk\n' > "$T/x.igs"
	run -65 --separate-stderr stl2norm "$T/x.step"
	assert_equal "$stderr" "stl2norm: $T/x.step: line 1: incorrect syntax: unexpected TYPE, expecting STEP"
	run -65 --separate-stderr stl2norm "$T/empty.step"
	[[ $stderr == "stl2norm: $T/empty.step: line "*": incorrect syntax: unexpected end of file, expecting STEP" ]]
	# BREP's reader prints its complaint: it becomes the message, not output
	run -65 --separate-stderr stl2norm "$T/x.brep"
	assert_equal "$stderr" "stl2norm: $T/x.brep: File was not written with this version of the topology"
	[ -z "$output" ]
	run -65 --separate-stderr stl2norm "$T/x.igs"
	[[ $stderr == "stl2norm: $T/x.igs: "* ]]
	[ -z "$output" ]
	# a truncated part: the line of the end
	partgen -n 1 -f step -o "$T/s"
	head -c 2000 "$T/s/part-0001.step" > "$T/cut.step"
	run -65 --separate-stderr stl2norm "$T/cut.step"
	[[ $stderr == "stl2norm: $T/cut.step: line "[0-9]*": incorrect syntax: unexpected end of file"* ]]
	run -66 --separate-stderr stl2norm "$T/missing.step"
	assert_equal "$stderr" "stl2norm: $T/missing.step: No such file or directory"
	# the good file after a bad one is still converted, in order
	stl2norm "$T/x.step" "$T/s/part-0001.step" > "$T/o.mdf" 2>/dev/null || [ $? -eq 65 ]
	meshcheck -f "$T/o.mdf"
}

@test "stl2norm: a CAD file that crashes or hangs the kernel is exit 65 naming it; the next file still converts" {
	cadmk two-blocks "$T/two.step"
	# a direction without coordinates: Open CASCADE's STEP reader
	# dereferences null; it runs in a child process, which dies of it
	sed "s/DIRECTION('',([^)]*))/DIRECTION('',())/" "$T/two.step" > "$T/crash.step"
	run -65 --separate-stderr stl2norm "$T/crash.step"
	# (signal 11, Segmentation fault); a sanitizer build's handler exits 1
	[[ $stderr == "stl2norm: $T/crash.step: the CAD reader crashed on this file ("*")" ]] ||
	    fail "stderr: $stderr"
	[ -z "$output" ]
	run -65 --separate-stderr stl2norm --timeout 0.001 "$T/two.step"
	assert_equal "$stderr" "stl2norm: $T/two.step: the CAD reader took more than 0.001 s (--timeout); stopped"
	[ -z "$output" ]
	# no child is left behind; the good file after the bad one is converted
	stl2norm "$T/crash.step" "$T/two.step" > "$T/o.mdf" 2>/dev/null || [ $? -eq 65 ]
	run mdf get body "$T/o.mdf"
	assert_output $'1\n2'
	meshcheck -f "$T/o.mdf"
	run --separate-stderr stl2norm --timeout -1 "$T/two.step"
	[ "$status" -eq 64 ]
	assert_equal "${stderr_lines[0]}" "stl2norm: --timeout: expected seconds from 0 to 1000000, got '-1'"
}

@test "stl2norm: dies quietly of SIGPIPE under head" {
	stlgen -n 50000 > "$T/big.stl"
	run -141 --separate-stderr bash -c \
	    "set -o pipefail; stl2norm '$T/big.stl' '$T/big.stl' | head -c1 > /dev/null"
	[ -z "$stderr" ]
}

@test "stl2norm: the man page's examples run" {
	mkdir -p "$T/parts"
	cp "$D/cube.stl" "$T/pocket.stl"
	cp "$D/cube.stl" "$T/parts/a.stl"
	stlgen -s -n 30 > "$T/parts/b.stl"
	printf 'a\t+Z\nb\t-Y\n' > "$T/labels.tsv"
	cd "$T"
	run bash -c 'stl2norm -l +Z pocket.stl | mdf ls'
	assert_success
	assert_output --partial $'part=pocket\tlabel=+Z\ttriangles=12'
	stl2norm --labels labels.tsv --center parts/*.stl > parts.mdf
	[ "$(mdf get label parts.mdf)" = $'+Z\n-Y' ]
	partgen -n 6 -f step -o step
	stl2norm --tolerance 0.01 --labels step/labels.tsv step/*.step > step.mdf
	[ "$(mdf get label step.mdf)" = "$(cut -f2 step/labels.tsv)" ]
	command -v normrender > /dev/null || skip "normrender not built"
	cp "$D/cube.obj" part.obj
	stl2norm --unit part.obj | normrender > views.mdf
	[ -s views.mdf ]
}

@test "stl2norm: a device is refused, not read until memory runs out" {
	# issue 16, defect 5
	run --separate-stderr timeout 20 stl2norm /dev/zero
	[ "$status" -eq 66 ]
	[ "$stderr" = "stl2norm: /dev/zero: not a regular file or a pipe" ]
}

@test "stl2norm: a PLY face index of 2.5 is not a whole number, not index 2" {
	# issue 16, defect 18
	printf 'ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\nelement face 1\nproperty list uchar float vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2.5\n' >"$BATS_TEST_TMPDIR/f.ply"
	run --separate-stderr stl2norm "$BATS_TEST_TMPDIR/f.ply"
	[ "$status" -eq 65 ]
	[ "$stderr" = "stl2norm: $BATS_TEST_TMPDIR/f.ply: line 13: face 1: vertex index 2.5 is not a whole number" ]
}

@test "stl2norm: an ASCII number with 10^7 leading zeros and a huge exponent reads as strtod does" {
	# issue 16, defect 19: 0.(zeros)5e10000000 read as 0
	local z
	for z in 9999999 10000000; do
		{
			printf 'solid t\n facet normal 0 0 0\n  outer loop\n   vertex 0.'
			head -c "$z" /dev/zero | tr '\0' 0
			printf '5e10000000 0 0\n   vertex 0 1 0\n   vertex 0 0 1\n  endloop\n endfacet\nendsolid t\n'
		} >"$BATS_TEST_TMPDIR/n.stl"
		stl2norm -q "$BATS_TEST_TMPDIR/n.stl" | mdf payload >"$BATS_TEST_TMPDIR/p"
		run od -A n -t f4 -j 12 -N 4 "$BATS_TEST_TMPDIR/p"
		if [ "$z" -eq 9999999 ]; then assert_output --regexp '^ +5$'; else assert_output --regexp '^ +0\.5$'; fi
	done
}
