# pipelines/prepare.sh: sourced by predict.sh and evaluate.sh (not run).
#
#   prep_load MODEL FILE   read MODEL's recorded preparation into FILE
#                          (dnnpredict --preparation) and set prep_type,
#                          prep_grid, prep_tile, ... from it; VIEWS, SIZE,
#                          RESIZE, NORMALS override the recorded values
#   prep_run               MESH frames on stdin -> frames for the model
#
# The values are checked to hold only [A-Za-z0-9.,x:_= -]: they become
# tool options unquoted (view.setup is a list of them).

prep_load() {
	dnnpredict --model "$1" --preparation >"$2"
	prep_type=$(sed -n 's/^type=//p' "$2")
	prep_grid=$(sed -n 's/^grid=//p' "$2")
	prep_tile=$(sed -n 's/^tile=//p' "$2")
	prep_normals=$(sed -n 's/^view\.normals=//p' "$2")
	prep_setup=$(sed -n 's/^view\.setup=//p' "$2")
	prep_width=$(sed -n 's/^width=//p' "$2")
	prep_height=$(sed -n 's/^height=//p' "$2")
	prep_bins=$(sed -n 's/^embed\.bins=//p' "$2")
	prep_features=$(sed -n 's/^embed\.features=//p' "$2")
	prep_normalized=$(sed -n 's/^embed\.normalized=//p' "$2")
	case "$prep_grid$prep_tile$prep_normals$prep_setup$prep_width$prep_height$prep_bins$prep_features$prep_normalized" in
	*[!A-Za-z0-9.,x:_=\ -]*)
		echo "${0##*/}: $1/model.meta: unexpected characters in the preparation" >&2
		exit 65 ;;
	esac
	# the demo's settings where the model records none (older models)
	: "${prep_type:=IMAG}"
	[ -n "${VIEWS:-}" ] && prep_grid=$VIEWS
	[ -n "${SIZE:-}" ] && prep_tile=${SIZE}x$SIZE
	[ -n "${NORMALS:-}" ] && prep_normals=$NORMALS
	[ -n "${RESIZE:-}" ] && { prep_width=${RESIZE%x*} prep_height=${RESIZE#*x}; }
	: "${prep_grid:=10x10}" "${prep_tile:=32x32}" "${prep_normals:=world}"
	[ -n "$prep_width" ] || { prep_width=64 prep_height=64; }
}

prep_run() {
	if [ "$prep_type" = TENS ]; then
		# shellcheck disable=SC2046
		normembed --bins "${prep_bins:-66}" ${prep_features:+--features "$prep_features"} \
			$([ "$prep_normalized" = 1 ] && echo --normalize)
	else
		# shellcheck disable=SC2086
		normrender --views "$prep_grid" --size "${prep_tile%%x*}" \
			--normals "$prep_normals" $prep_setup |
			metagrid --grid "$prep_grid" --resize "${prep_width}x$prep_height"
	fi
}
