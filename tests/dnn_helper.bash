# Shared by tests/dnntrain.bats and tests/dnnpredict.bats.

# gendata N SEED [split]: separable 32x32 IMAG frames, 3 classes (+X +Y +Z),
# three frames per part, into $BATS_TEST_TMPDIR/data.mdf.
gendata() {
	dnncheck gendata "$1" "$2" 32 32 ${3:-} >"$BATS_TEST_TMPDIR/data.mdf"
}

# metr FILE: every METR record of FILE, one per line.
metr() {
	local n i
	n=$(mdf ls "$1" | wc -l)
	for ((i = 1; i <= n; i++)); do
		if mdf ls "$1" | sed -n "${i}p" | grep -q '^[0-9]*	METR'; then
			mdf payload -n "$i" <"$1"
		fi
	done
}

# metric FILE KEY STEP: the value of metric KEY at STEP.
metric() {
	metr "$1" | awk -F'\t' -v k="$2" -v s="$3" '$1 == "metric" && $2 == k && $4 == s { print $3 }'
}
