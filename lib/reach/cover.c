/*
 * What the reach figures of a part conclude (see milldir/reach.h): the
 * set-ups that cover its machined surface, the label and its margin, and
 * the metadata that carries them.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "milldir/frame.h"
#include "milldir/partgen.h"
#include "milldir/reach.h"

static int
popcount6(unsigned s)
{
	int n = 0;

	for (; s != 0; s &= s - 1)
		n++;
	return n;
}

unsigned
mdf_reach_cover(const double area[64], const double vol[6], double tol)
{
	double reach = 0;
	unsigned best = 0;
	double bestvol = -1;

	for (unsigned m = 1; m < 64; m++)
		reach += area[m];
	if (!(reach > 0))
		return 0;
	/* the sets of sides by size, then by volume, then in order */
	for (int size = 1; size <= 6; size++) {
		for (unsigned s = 1; s < 64; s++) {
			double left = 0, v = 0;

			if (popcount6(s) != size)
				continue;
			for (unsigned m = 1; m < 64; m++)
				if ((m & s) == 0)
					left += area[m];
			if (left > tol * reach)
				continue;
			for (int d = 0; d < 6; d++)
				if (s >> d & 1)
					v += vol[d];
			if (v > bestvol)
				best = s, bestvol = v;
		}
		if (best != 0)
			return best;
	}
	return 0x3f; /* not reached: all six cover everything */
}

void
mdf_reach_label(struct mdf_reach *r, double min_margin)
{
	double sum = 0, first, second = 0;
	int best = 0;

	for (int d = 0; d < 6; d++)
		sum += r->vol[d];
	for (int d = 0; d < 6; d++) {
		r->share[d] = sum > 0 ? r->vol[d] / sum : 1.0 / 6;
		if (r->vol[d] > r->vol[best])
			best = d;
	}
	first = r->share[best];
	for (int d = 0; d < 6; d++)
		if (d != best && r->share[d] > second)
			second = r->share[d];
	r->best = best;
	r->margin = sum > 0 ? first - second : 0;
	r->ambiguous = !(sum > 0) || r->margin < min_margin;
}

int
mdf_reach_set_meta(struct mdf_frame *f, const struct mdf_reach *r)
{
	char key[32], list[32] = "";
	int rc = 0;

	for (int d = 0; d < 6; d++) {
		snprintf(key, sizeof key, "reach.%s", mdf_dir_key(d));
		rc |= mdf_setf(f, key, "%.7g", r->vol[d]);
	}
	for (int d = 0; d < 6; d++) {
		snprintf(key, sizeof key, "reach.area.%s", mdf_dir_key(d));
		rc |= mdf_setf(f, key, "%.7g", r->area[d]);
	}
	for (int d = 0; d < 6; d++) {
		if (r->setups >> d & 1) {
			if (list[0] != '\0')
				strcat(list, ",");
			strcat(list, mdf_dir_name(d));
		}
	}
	rc |= mdf_setf(f, "reach.machined", "%.7g", r->machined);
	rc |= mdf_setf(f, "reach.undercut", "%.7g", r->undercut);
	rc |= mdf_set(f, "reach.setups", list[0] ? list : "none");
	rc |= mdf_set(f, "reach.label",
	    r->ambiguous ? "ambiguous" : mdf_dir_name(r->best));
	rc |= mdf_setf(f, "reach.margin", "%.4f", r->margin);
	for (int a = 0; a < 3; a++) {
		snprintf(key, sizeof key, "reach.through.%c", "xyz"[a]);
		rc |= mdf_setf(f, key, "%.7g", r->through[2 * a]);
	}
	if (r->round) {
		int a = r->axis, b = a == 0 ? 1 : 0, c = a == 2 ? 1 : 2;

		rc |= mdf_setf(f, "reach.stock", "cylinder:%c:%.7g,%.7g,%.7g:"
		    "%.7g,%.7g", "XYZ"[a], r->centre[b], r->centre[c],
		    r->radius, r->lo[a], r->hi[a]);
		if (r->nprof)
			rc |= mdf_setf(f, "reach.turned", "%.7g", r->turned);
	} else {
		rc |= mdf_setf(f, "reach.stock", "%.7g,%.7g,%.7g:%.7g,%.7g,%.7g",
		    r->lo[0], r->lo[1], r->lo[2], r->hi[0], r->hi[1], r->hi[2]);
	}
	rc |= mdf_setf(f, "reach.resolution", "%.7g", r->res);
	return rc < 0 ? MDF_E_NOMEM : 0;
}
