#!/usr/bin/env bats
# pipelines/dataset.mk: parts to a data set of meta-images with make.

load test_helper

# dm ARG...: the data set makefile, run in the test's directory, as a
# user would (not as a sub-make of `make check`)
dm() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
	    make --no-print-directory -f "$MILLDIR_SRCDIR/pipelines/dataset.mk" "$@"
}

# Small views keep the tests fast; the defaults get one test of their own.
SMALL=(VIEWS=4x3 SIZE=16 RESIZE=)

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "dataset: the acceptance run gives 10 meta-images per class, twice the same bytes" {
	partgen -n 60 --seed 1 -o parts
	dm PARTS=parts OUT=data -j2 > /dev/null
	run mdf check -v data/dataset.mdf
	assert_output "data/dataset.mdf: 60 frames ok"
	run bash -c "mdf get label data/dataset.mdf | sort | uniq -c | awk '{print \$1, \$2}'"
	assert_output $'10 +X\n10 +Y\n10 +Z\n10 -X\n10 -Y\n10 -Z'
	run bash -c "mdf ls data/dataset.mdf | cut -f2 | sort -u"
	assert_output IMAG
	run mdf get grid data/dataset.mdf
	assert_line --index 59 10x10
	mdf png png data/dataset.mdf
	run bash -c "ls png | wc -l"
	assert_output 60
	# PNG signature, then IHDR: width 224, height 224, 8 bits, RGB (type 2)
	run bash -c "od -An -tx1 -N26 png/000060-part-0060.png | tr -d ' \n'"
	assert_output 89504e470d0a1a0a0000000d49484452000000e0000000e00802
	# the same again, from scratch, in another directory of the same name
	mv data data1
	dm PARTS=parts OUT=data -j2 > /dev/null
	cmp data/dataset.mdf data1/dataset.mdf
}

@test "dataset: one frame file per part, labels from labels.tsv, in name order" {
	partgen -n 6 -o parts
	run dm PARTS=parts OUT=data "${SMALL[@]}" -j2
	assert_success
	assert_line "  DATASET  data/dataset.mdf (6 parts)"
	run ls data/frames
	assert_output "$(printf 'part-%04d.mdf\n' 1 2 3 4 5 6)"
	run bash -c "paste <(mdf get part data/dataset.mdf) <(mdf get label data/dataset.mdf)"
	assert_output "$(cat parts/labels.tsv)"
	run bash -c "mdf ls data/dataset.mdf | cut -f3 | sort -u"
	assert_output $((64 * 48 * 3))
	run mdf get grid data/frames/part-0003.mdf
	assert_output 4x3
	# the data set is the frame files joined
	cmp data/dataset.mdf <(cat data/frames/part-000{1,2,3,4,5,6}.mdf)
}

@test "dataset: incremental: nothing to do, then only the touched part" {
	partgen -n 4 -o parts
	dm PARTS=parts OUT=data "${SMALL[@]}" > /dev/null
	cp -p data/dataset.mdf before.mdf
	run dm PARTS=parts OUT=data "${SMALL[@]}"
	assert_output "make: Nothing to be done for 'all'."
	touch parts/part-0003.stl
	run dm PARTS=parts OUT=data "${SMALL[@]}"
	assert_output $'  PART     part-0003\n  DATASET  data/dataset.mdf (4 parts)'
	cmp data/dataset.mdf before.mdf
	[ data/frames/part-0003.mdf -nt data/frames/part-0002.mdf ]
	# a new part is built alone; rewriting labels.tsv unchanged rebuilds nothing
	partgen -n 1 --first 5 -o new && mv new/part-0005.stl parts/
	cp parts/labels.tsv labels.bak && cp labels.bak parts/labels.tsv
	run --separate-stderr dm PARTS=parts OUT=data "${SMALL[@]}"
	assert_output $'  PART     part-0005\n  DATASET  data/dataset.mdf (5 parts)'
	[[ $stderr == *"part 'part-0005' has no label"* ]]
}

@test "dataset: changing an option or a label rebuilds every part" {
	partgen -n 3 -o parts
	dm PARTS=parts OUT=data "${SMALL[@]}" > /dev/null
	run dm PARTS=parts OUT=data VIEWS=4x3 SIZE=8 RESIZE=
	assert_output $'  PART     part-0001\n  PART     part-0002\n  PART     part-0003\n  DATASET  data/dataset.mdf (3 parts)'
	run mdf get width data/dataset.mdf
	assert_line --index 0 32
	sed -i '1s/\t.*/\t+Z/' parts/labels.tsv
	run dm PARTS=parts OUT=data VIEWS=4x3 SIZE=8 RESIZE=
	assert_line --index 0 "  PART     part-0001"
	run mdf get label data/frames/part-0001.mdf
	assert_output +Z
}

@test "dataset: -j4 builds the same bytes as -j1" {
	partgen -n 8 -o parts
	dm PARTS=parts OUT=a "${SMALL[@]}" -j1 > /dev/null
	dm PARTS=parts OUT=b "${SMALL[@]}" -j4 > /dev/null
	cmp a/dataset.mdf b/dataset.mdf
}

@test "dataset: file names with spaces, quotes, # and \$ work, in a PARTS with spaces" {
	partgen -n 2 -p "my part" -o "my parts"
	cp "my parts/my part-0001.stl" "my parts/it's #1 \$HOME.stl"
	printf "it's #1 \$HOME\t-Z\n" >> "my parts/labels.tsv"
	run dm PARTS="my parts" OUT=data "${SMALL[@]}"
	assert_success
	assert_line "  PART     it's #1 \$HOME"
	assert_line "  PART     my part-0002"
	run mdf get part data/dataset.mdf
	assert_output "it's #1 \$HOME
my part-0001
my part-0002"
	run mdf get label data/frames/it_27s_20_231_20_24HOME.mdf
	assert_output -Z
	run mdf get source data/dataset.mdf
	assert_line --index 0 "my parts/it's #1 \$HOME.stl"
	# a second run has nothing to do; removing a part drops it and its files
	run dm PARTS="my parts" OUT=data "${SMALL[@]}"
	assert_output "make: Nothing to be done for 'all'."
	rm "my parts/it's #1 \$HOME.stl"
	run dm PARTS="my parts" OUT=data "${SMALL[@]}"
	assert_output "  DATASET  data/dataset.mdf (2 parts)"
	run ls data/frames
	assert_output $'my_20part-0001.mdf\nmy_20part-0002.mdf'
}

@test "dataset: a failing stage fails its part and leaves no file for it" {
	partgen -n 2 -o parts
	printf 'not an stl' > parts/bad.stl
	run --separate-stderr dm PARTS=parts OUT=data "${SMALL[@]}" -k
	assert_failure
	[[ $stderr == *"stl2norm: parts/bad.stl: "* ]]
	run ls -A data/frames
	assert_output $'part-0001.mdf\npart-0002.mdf'
	assert_file_not_exist data/dataset.mdf
	rm parts/bad.stl
	run dm PARTS=parts OUT=data "${SMALL[@]}"
	assert_output "  DATASET  data/dataset.mdf (2 parts)"
}

@test "dataset: an interrupted build leaves no file a later build takes as done" {
	partgen -n 2 -o parts
	printf '#!/bin/sh\nsleep 30\nexec normrender "$@"\n' > slow && chmod +x slow
	setsid env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -f "$MILLDIR_SRCDIR/pipelines/dataset.mk" \
	    PARTS=parts OUT=data NORMRENDER="$PWD/slow" "${SMALL[@]}" -j2 > log 2>&1 &
	local pid=$! i
	for i in $(seq 600); do
		compgen -G 'data/frames/*.tmp.*' > /dev/null && break
		sleep 0.1
	done
	compgen -G 'data/frames/*.tmp.*' > /dev/null || fail "no temporary appeared: $(cat log)"
	# named by host and pid: makes on two nodes of a shared file system
	# may run shells with the same pid
	compgen -G "data/frames/*.mdf.tmp.$(uname -n).[0-9]*" > /dev/null ||
	    fail "temporary not named by host and pid: $(ls data/frames)"
	kill -TERM -- -"$pid"
	wait "$pid" || true
	run ls -A data/frames
	assert_output ""
	assert_file_not_exist data/dataset.mdf
	run dm PARTS=parts OUT=data "${SMALL[@]}"
	assert_output $'  PART     part-0001\n  PART     part-0002\n  DATASET  data/dataset.mdf (2 parts)'
	run mdf check -v data/dataset.mdf
	assert_output "data/dataset.mdf: 2 frames ok"
}

@test "dataset: AUGMENT runs augment with a seed of each part's own" {
	partgen -n 2 -o parts
	dm PARTS=parts OUT=data "${SMALL[@]}" AUGMENT='-n 2 --keep-original --rotations cube' > /dev/null
	run mdf get augment.copy data/dataset.mdf
	assert_output $'0\n1\n2\n0\n1\n2'
	run bash -c "mdf get augment.seed data/dataset.mdf | uniq | wc -l"
	assert_output 2
	# without AUGMENT, augment is not in the pipeline
	dm PARTS=parts OUT=plain "${SMALL[@]}" > /dev/null
	run bash -c "mdf get augment.copy plain/dataset.mdf | od -c | head -1"
	assert_output "0000000  \\n  \\n"
}

@test "dataset: list, help, and the errors for a bad OUT or PARTS" {
	partgen -n 2 -o parts
	run dm PARTS=parts OUT=data list
	assert_output $'data/frames/part-0001.mdf\ndata/frames/part-0002.mdf'
	run dm PARTS=parts OUT=data help
	assert_line "  VIEWS           10x10"
	assert_line "  RESIZE          224x224"
	assert_line "  AUGMENT         "
	run dm PARTS=parts OUT="da ta"
	assert_failure
	assert_output --partial "OUT='da ta': the output directory must be one word, without spaces"
	run dm PARTS=nowhere OUT=data
	assert_failure
	assert_output --partial "dataset.mk: PARTS='nowhere': no such directory"
	mkdir empty
	run dm PARTS=empty OUT=e
	assert_failure
	assert_output --partial "dataset.mk: no *.stl files in PARTS='empty'"
}

@test "dataset: LABELS names another label file, or none when empty" {
	partgen -n 2 -o parts
	printf 'part-0001\t+X\npart-0002\t-Z\n' > mine.tsv
	dm PARTS=parts OUT=a LABELS=mine.tsv "${SMALL[@]}" > /dev/null
	run mdf get label a/dataset.mdf
	assert_output $'+X\n-Z'
	run --separate-stderr dm PARTS=parts OUT=b LABELS= "${SMALL[@]}"
	assert_success
	run bash -c "mdf get label b/dataset.mdf | od -c | head -1"
	assert_output "0000000  \\n  \\n"
	run --separate-stderr dm PARTS=parts OUT=c LABELS=missing.tsv "${SMALL[@]}"
	assert_failure
	[[ $stderr == *"missing.tsv"* ]]
	assert_file_not_exist c/dataset.mdf
}

@test "dataset: a newline in a part name is refused with a clear message" {
	# issue 16, defect 22: make said "No rule to make target"
	partgen -n 1 -o parts
	mv parts/part-0001.stl parts/$'two\nlines.stl'
	run --separate-stderr dm PARTS=parts OUT=data "${SMALL[@]}"
	assert_failure
	[[ $stderr == *"dataset.mk: \$'two\\nlines.stl': a newline in a part name; rename the file"* ]]
	[[ $stderr != *"No rule to make target"* ]]
}
