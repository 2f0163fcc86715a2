# pipelines/dataset.mk: STL parts to a data set of labelled meta-images.
#
#   make -f pipelines/dataset.mk PARTS=parts OUT=data [LABELS=file] -j4
#
# For every PARTS/NAME.stl this builds OUT/frames/NAME.mdf, the frames of
#
#   stl2norm --labels LABELS -p NAME PARTS/NAME.stl | augment $(AUGMENT) \
#     | normrender --views $(VIEWS) --size $(SIZE) | metagrid --grid $(GRID) --resize $(RESIZE)
#
# (augment only when AUGMENT is not empty), then OUT/dataset.mdf, all the
# frame files concatenated in name order (LC_ALL=C).  `make ... help`
# prints the variables and their values.
#
# Variables (defaults in brackets):
#   PARTS          directory of *.stl files [parts]; may contain spaces
#   OUT            output directory [data]; no spaces, quotes or '$'
#   LABELS         PART<TAB>LABEL file [PARTS/labels.tsv if it exists];
#                  LABELS= (empty) for none
#   STL2NORM_FLAGS extra stl2norm options []
#   AUGMENT        augment options; empty skips augment [], for example
#                  AUGMENT='-n 3 --keep-original --rotations cube'
#   AUGMENT_SEED   base seed; each part gets its own seed from it and its
#                  name, because augment seeds by frame index and every
#                  part here is its own stream [1]
#   VIEWS          normrender --views, azimuths x elevations [10x10]
#   SIZE           normrender --size, pixels per view [64]
#   RENDER_FLAGS   extra normrender options [--threads 1: make -j runs
#                  the parts in parallel]
#   GRID           metagrid --grid [$(VIEWS)]
#   RESIZE         metagrid --resize WxH; empty keeps 640x640 [224x224]
#   METAGRID_FLAGS extra metagrid options []
#   STL2NORM AUGMENT_CMD NORMRENDER METAGRID   the programs [found on PATH]
#   V=1            show the commands
#
# Targets: all (default: OUT/dataset.mdf), frames (the per-part files
# only), list (the per-part targets, one a line), clean, help.
#
# Incremental: a frame file depends on its STL, on OUT/.config (the
# pipeline's options: changing SIZE, say, rebuilds every part) and on the
# labels (a copy in OUT/.src that changes only when their content does).
# Touching one STL rebuilds its frame file and dataset.mdf only.  Every
# output is written to a temporary beside it and renamed when complete,
# so an interrupted build never leaves a file that a later build takes
# as done; each pipeline runs under bash -o pipefail, so a failing stage
# fails its part.  `make -B` rebuilds everything (after new tools, say).
#
# File names with spaces: make cannot hold them in target or prerequisite
# lists.  Before the build, a generator (the recipe of OUT/.parts.mk,
# re-run on every invocation and rewritten only when its content
# changes) gives each part an encoded name, every byte outside
# [A-Za-z0-9.+-] written as _XX in hex ("my part" -> my_20part), makes
# OUT/.src/ENC.stl a symbolic link to the real file (make follows it for
# the time stamp), and writes OUT/.parts.mk with the list of encoded
# names and each part's real name and path, shell-quoted, for the
# recipes.  Only encoded names ever reach make's rules.  Part names must
# not contain a newline or a tab: the generator stops with a message
# naming the file.
#
# Scaling out: each part is an independent target, so the same recipe
# runs on many machines.  `list` (run first: it also writes OUT/.config
# and OUT/.src) prints the per-part targets.  With a shared file system
# (NFS) and GNU parallel, build the frame files over SSH, then join them
# locally:
#
#   make -f pipelines/dataset.mk PARTS=parts OUT=data list \
#     | parallel -S 4/host1,4/host2 --wd "$PWD" \
#         make -f pipelines/dataset.mk PARTS=parts OUT=data {}
#   make -f pipelines/dataset.mk PARTS=parts OUT=data
#
# The last make finds the frame files up to date and only writes
# dataset.mdf (host clocks must agree).  Without a shared file system,
# let parallel ship each STL out and its frame file back, running the
# same pipeline with the options that OUT/.config records:
#
#   make -f pipelines/dataset.mk PARTS=parts OUT=data list > /dev/null
#   cd parts && ls *.stl | parallel -S host1,host2 --basefile labels.tsv \
#     --transferfile {} --return {.}.mdf --cleanup \
#     'stl2norm --labels labels.tsv {} | normrender --threads 1 \
#        | metagrid --resize 224x224 > {.}.mdf'
#   mv *.mdf ../data/frames/ && cd .. && make -f pipelines/dataset.mk PARTS=parts OUT=data
#
# This works as it stands for part names made of [A-Za-z0-9.+-] only,
# whose encoded name is the name itself; other names need renaming to
# the encoded names that `list` prints.

empty :=
space := $(empty) $(empty)

PARTS ?= parts
OUT ?= data
ifeq ($(origin LABELS),undefined)
LABELS := $(if $(wildcard $(subst $(space),\ ,$(PARTS))/labels.tsv),$(PARTS)/labels.tsv)
endif
STL2NORM ?= stl2norm
AUGMENT_CMD ?= augment
NORMRENDER ?= normrender
METAGRID ?= metagrid
STL2NORM_FLAGS ?=
AUGMENT ?=
AUGMENT_SEED ?= 1
VIEWS ?= 10x10
SIZE ?= 64
RENDER_FLAGS ?= --threads 1
GRID ?= $(VIEWS)
RESIZE ?= 224x224
METAGRID_FLAGS ?=

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.SUFFIXES:
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules

ifneq ($(words $(OUT)),1)
$(error OUT='$(OUT)': the output directory must be one word, without spaces)
endif
ifneq ($(findstring ',$(OUT)$(PARTS)$(LABELS))$(findstring $$,$(OUT)),)
$(error PARTS, OUT and LABELS must not contain a single quote, OUT no '$$')
endif

Q := $(if $(filter 1,$(V)),,@)

# A recipe's temporary file beside its target: the host name and the
# shell's pid, since two makes on different nodes (make -j under Slurm,
# a shared file system) may share a pid.
tmpname = '$@.tmp.'"$$(uname -n)".$$$$

# The pipeline's options; OUT/.config holds them so that a change
# rebuilds the parts.
config := stl2norm $(STL2NORM_FLAGS) labels=$(if $(LABELS),yes,no) \
	| augment $(AUGMENT) seed=$(AUGMENT_SEED) \
	| normrender --views $(VIEWS) --size $(SIZE) $(RENDER_FLAGS) \
	| metagrid --grid $(GRID) $(if $(RESIZE),--resize $(RESIZE)) $(METAGRID_FLAGS)

all: $(OUT)/dataset.mdf
.PHONY: all frames list clean help FORCE

# --- the generated list of parts ---------------------------------------
# Encoded name, real name and a per-part augment seed, by awk (mawk or
# gawk) in the C locale, so bytes are bytes.
define encode_awk
BEGIN { for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
{
	enc = ""; h = seed % 2147483647
	for (i = 1; i <= length($$0); i++) {
		c = substr($$0, i, 1)
		enc = enc (c ~ /[A-Za-z0-9.+-]/ ? c : sprintf("_%02x", ord[c]))
		h = (h * 31 + ord[c]) % 2147483647
	}
	printf "%s\t%d\t%s\n", enc, h, $$0
}
endef
export encode_awk

$(OUT)/.parts.mk: FORCE
	$(Q)export LC_ALL=C; \
	mkdir -p '$(OUT)/.src' '$(OUT)/frames'; \
	parts=$$(cd '$(PARTS)' && pwd) || { echo "dataset.mk: PARTS='$(PARTS)': no such directory" >&2; exit 1; }; \
	pq=$$(printf '%s' '$(PARTS)' | sed "s/'/'\\\\''/g; s/\\$$/\$$\$$/g; s/#/\\\\#/g"); \
	tmp=$(tmpname); trap 'rm -f "$$tmp" "$$tmp.c" "$$tmp.l" "$$tmp.e"' EXIT; \
	: > "$$tmp.e"; \
	printf '%s\n' '$(subst ','\'',$(config))' > "$$tmp.c"; \
	cmp -s "$$tmp.c" '$(OUT)/.config' || mv "$$tmp.c" '$(OUT)/.config'; \
	if [ -n '$(LABELS)' ]; then \
	  cp '$(LABELS)' "$$tmp.l"; \
	  cmp -s "$$tmp.l" '$(OUT)/.src/labels.tsv' || mv "$$tmp.l" '$(OUT)/.src/labels.tsv'; \
	fi; \
	{ \
	  echo '# generated by pipelines/dataset.mk: do not edit'; \
	  echo 'PART_ENCS :='; \
	  for f in "$$parts"/*.stl; do \
	    [ -f "$$f" ] || continue; \
	    b=$${f##*/}; \
	    case "$$b" in *$$'\n'*) \
	      echo "dataset.mk: $$(printf '%q' "$$b"): a newline in a part name; rename the file" >&2; \
	      exit 1;; esac; \
	    printf '%s\n' "$${b%.stl}"; \
	  done | awk -v seed='$(AUGMENT_SEED)' "$$encode_awk" | \
	  while IFS=$$'\t' read -r enc seed name; do \
	    [ "$$enc" = "$${enc#*_09}" ] || { echo "dataset.mk: $$name: a tab in a part name" >&2; exit 1; }; \
	    link='$(OUT)/.src/'"$$enc.stl"; \
	    [ "$$link" -ef "$$parts/$$name.stl" ] || ln -sfn "$$parts/$$name.stl" "$$link"; \
	    q=$$(printf '%s' "$$name" | sed "s/'/'\\\\''/g; s/\\$$/\$$\$$/g; s/#/\\\\#/g"); \
	    echo "PART_ENCS += $$enc"; \
	    echo "name.$$enc := '$$q'"; \
	    echo "path.$$enc := '$$pq/$$q.stl'"; \
	    echo "$$enc" >> "$$tmp.e"; \
	    echo "seed.$$enc := $$seed"; \
	  done; \
	} > "$$tmp"; \
	for l in '$(OUT)'/.src/*.stl; do \
	  e=$${l##*/}; e=$${e%.stl}; \
	  [ -L "$$l" ] && ! grep -qxF -e "$$e" "$$tmp.e" || continue; \
	  rm -f "$$l" '$(OUT)/frames/'"$$e.mdf"; \
	done; \
	cmp -s "$$tmp" '$@' || mv "$$tmp" '$@'

include $(OUT)/.parts.mk

FRAMES := $(PART_ENCS:%=$(OUT)/frames/%.mdf)
label_dep := $(if $(LABELS),$(OUT)/.src/labels.tsv)

# --- one part -----------------------------------------------------------
$(OUT)/frames/%.mdf: $(OUT)/.src/%.stl $(OUT)/.config $(label_dep)
	@echo "  PART     "$(name.$*)
	$(Q)tmp=$(tmpname); trap 'rm -f "$$tmp"' EXIT; trap 'exit 1' INT TERM HUP; \
	$(STL2NORM) $(STL2NORM_FLAGS) $(if $(LABELS),--labels '$(OUT)/.src/labels.tsv') \
	    -p $(name.$*) $(path.$*) \
	  $(if $(strip $(AUGMENT)),| $(AUGMENT_CMD) $(AUGMENT) --seed $(seed.$*)) \
	  | $(NORMRENDER) --views $(VIEWS) --size $(SIZE) $(RENDER_FLAGS) \
	  | $(METAGRID) --grid $(GRID) $(if $(RESIZE),--resize $(RESIZE)) $(METAGRID_FLAGS) \
	  > "$$tmp"; \
	mv "$$tmp" '$@'

# --- the data set -------------------------------------------------------
# Also depends on the list itself, so that removing a part rebuilds it.
$(OUT)/dataset.mdf: $(FRAMES) $(OUT)/.parts.mk
	@echo "  DATASET  $@ ($(words $(FRAMES)) parts)"
	$(Q)$(if $(FRAMES),,echo "dataset.mk: no *.stl files in PARTS='$(PARTS)'" >&2; exit 1;) \
	tmp=$(tmpname); trap 'rm -f "$$tmp"' EXIT; \
	cat $(FRAMES) > "$$tmp"; \
	mv "$$tmp" '$@'

frames: $(FRAMES)

list:
	@$(if $(FRAMES),printf '%s\n' $(FRAMES),:)

clean:
	rm -rf '$(OUT)/frames' '$(OUT)/.src' '$(OUT)/dataset.mdf' '$(OUT)/.config' '$(OUT)/.parts.mk'

help:
	@echo 'make -f pipelines/dataset.mk PARTS=dir OUT=dir [VARIABLE=value]... [target]'
	@echo 'targets: all (OUT/dataset.mdf), frames, list, clean, help'
	@$(foreach v,PARTS OUT LABELS STL2NORM_FLAGS AUGMENT AUGMENT_SEED VIEWS SIZE \
	    RENDER_FLAGS GRID RESIZE METAGRID_FLAGS STL2NORM AUGMENT_CMD NORMRENDER METAGRID, \
	    printf '  %-15s %s\n' '$(v)' '$(subst ','\'',$($(v)))';)
