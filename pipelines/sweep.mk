# pipelines/sweep.mk: a small hyper-parameter grid, every run logged.
#
#   make -s -f pipelines/sweep.mk DATA=data/dataset.mdf -j2
#
# Each point of LRS x BATCHES trains one model (dnntrain) and logs it as a
# run of EXPERIMENT (metriclog); metriclog's store takes concurrent writers,
# so `make -j` runs points in parallel.  The default target then prints the
# best run's model directory, chosen by validation F1 over all runs of the
# experiment (older sweeps included).  A point is done when its stamp file
# exists: rerunning the sweep trains only new points; `make clean` forgets
# them (the runs stay in the store).
#
# Variables (defaults in brackets):
#   DATA        the data set [data/dataset.mdf]
#   NET         network [tiny]
#   EPOCHS      epochs per run [20]
#   LRS         learning rates [0.01 0.05 0.1]
#   BATCHES     batch sizes [8 16]
#   EXPERIMENT  MLflow experiment [sweep]
#   STAMPS      where the stamps go [sweep.d]
#   THREADS     OpenBLAS threads per run [1: make -j parallelises]

DATA       ?= data/dataset.mdf
NET        ?= tiny
EPOCHS     ?= 20
LRS        ?= 0.01 0.05 0.1
BATCHES    ?= 8 16
EXPERIMENT ?= sweep
STAMPS     ?= sweep.d
THREADS    ?= 1

points := $(foreach lr,$(LRS),$(foreach b,$(BATCHES),$(STAMPS)/lr$(lr)-b$(b)))

best: $(points)
	@metriclog best --experiment '$(EXPERIMENT)' --metric val_f1

# lr0.05-b16 -> --lr 0.05 --batch 16.  The model goes under models/; the
# stamp is written last, so an interrupted run is redone.
$(STAMPS)/lr%: $(DATA)
	@mkdir -p '$(STAMPS)'
	@set -e; p='$*'; lr=$${p%%-b*}; b=$${p##*-b}; \
	echo "  TRAIN    lr=$$lr batch=$$b" >&2; \
	dnntrain --net '$(NET)' --epochs '$(EPOCHS)' --lr "$$lr" --batch "$$b" \
		--threads '$(THREADS)' --quiet <'$(DATA)' | \
	metriclog --experiment '$(EXPERIMENT)' --run-name "$(NET)-lr$$lr-b$$b" --quiet
	@touch '$@'

runs:
	@metriclog runs --experiment '$(EXPERIMENT)'

clean:
	rm -rf '$(STAMPS)'

.PHONY: best runs clean
.DELETE_ON_ERROR:
