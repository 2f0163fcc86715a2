/* splitmix64 (Steele, Lea, Flood 2014) with uniform and Gaussian draws. */
#include <math.h>

#include "milldir/rng.h"

#define GOLDEN 0x9e3779b97f4a7c15ull

uint64_t
mdf_mix64(uint64_t x)
{
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

void
mdf_rng_seed(struct mdf_rng *r, uint64_t seed)
{
	r->state = seed;
	r->spare = 0;
	r->has_spare = 0;
}

void
mdf_rng_seed2(struct mdf_rng *r, uint64_t seed, uint64_t stream)
{
	/* Mixing the stream number first keeps (s, k) and (s + 1, k - 1)
	 * apart, which plain addition would not. */
	mdf_rng_seed(r, mdf_mix64(seed ^ mdf_mix64(stream + GOLDEN)));
}

uint64_t
mdf_rng_next(struct mdf_rng *r)
{
	r->state += GOLDEN;
	return mdf_mix64(r->state);
}

double
mdf_rng_uniform(struct mdf_rng *r)
{
	return (double)(mdf_rng_next(r) >> 11) * 0x1.0p-53;
}

double
mdf_rng_range(struct mdf_rng *r, double a, double b)
{
	return a + (b - a) * mdf_rng_uniform(r);
}

uint64_t
mdf_rng_below(struct mdf_rng *r, uint64_t n)
{
	uint64_t x, lim;

	if (n == 0)
		return 0;
	/* Reject the top partial block so every residue is equally likely. */
	lim = UINT64_MAX - UINT64_MAX % n;
	do
		x = mdf_rng_next(r);
	while (x >= lim);
	return x % n;
}

double
mdf_rng_gauss(struct mdf_rng *r)
{
	double u, v, s, k;

	if (r->has_spare) {
		r->has_spare = 0;
		return r->spare;
	}
	do { /* one draw gives both coordinates, 32 bits each */
		uint64_t x = mdf_rng_next(r);
		u = (double)(x >> 32) * 0x1.0p-31 - 1;
		v = (double)(x & 0xffffffffu) * 0x1.0p-31 - 1;
		s = u * u + v * v;
	} while (s >= 1 || s == 0);
	k = sqrt(-2 * log(s) / s);
	r->spare = v * k;
	r->has_spare = 1;
	return u * k;
}
