/*
 * A small seeded pseudo-random generator (splitmix64) with uniform and
 * Gaussian draws.  Same seed, same sequence on every platform: the state
 * is one 64-bit integer and the draws use only integer arithmetic, sqrt
 * and log, so tools that must be reproducible (augment, partgen, data
 * set splits) can share it.  Not for cryptography.
 */
#ifndef MILLDIR_RNG_H
#define MILLDIR_RNG_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct mdf_rng {
	uint64_t state;
	double spare;   /* second Gaussian of the last polar draw */
	int has_spare;
};

/* splitmix64's finaliser: a bijective 64-bit mix, good for hashing seeds
 * and keys into independent streams. */
uint64_t mdf_mix64(uint64_t x);
/* Seed R; the sequence depends on SEED only. */
void mdf_rng_seed(struct mdf_rng *r, uint64_t seed);
/* Seed R from SEED and a stream number, e.g. (user seed, frame index):
 * streams of different numbers are independent. */
void mdf_rng_seed2(struct mdf_rng *r, uint64_t seed, uint64_t stream);
uint64_t mdf_rng_next(struct mdf_rng *r);
/* Uniform in [0, 1), 53 random bits. */
double mdf_rng_uniform(struct mdf_rng *r);
/* Uniform in [A, B). */
double mdf_rng_range(struct mdf_rng *r, double a, double b);
/* Uniform integer in [0, N) without modulo bias; 0 when N is 0. */
uint64_t mdf_rng_below(struct mdf_rng *r, uint64_t n);
/* Standard normal (mean 0, deviation 1), Marsaglia's polar method on
 * two 32-bit uniforms per attempt. */
double mdf_rng_gauss(struct mdf_rng *r);

#ifdef __cplusplus
}
#endif
#endif
