/*
 * The private C surface of pilotsim over GSL. Not API: only the Simulator module imports it.
 */
#ifndef PILOTSIM_CGSL_SHIM_H
#define PILOTSIM_CGSL_SHIM_H

#include <stdint.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>

/* Swift 6 refuses to read C globals that are not concurrency-safe; these accessors return them. */
static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_qrng_type *cgsl_qrng_sobol(void) { return gsl_qrng_sobol; }

/* The largest dimension GSL's Sobol generator supports (qrng/sobol.c, SOBOL_MAX_DIMENSION). */
#define CGSL_SOBOL_MAX_DIMENSION 40

/*
 * Mirror of GSL's private `taus_state_t` (rng/taus.c): three words of L'Ecuyer's combined
 * Tausworthe generator, which must exceed 1, 7 and 15 respectively.
 */
typedef struct {
    unsigned long s1, s2, s3;
} cgsl_taus2_state;

/*
 * Sets taus2's whole state from three words, forcing the bits that keep each component
 * non-degenerate. Returns GSL_SUCCESS, or GSL_EBADLEN for a generator of another type or layout.
 */
static inline int cgsl_taus2_load_state(gsl_rng *r, uint32_t s1, uint32_t s2, uint32_t s3) {
    if (r->type != gsl_rng_taus2 || gsl_rng_size(r) != sizeof(cgsl_taus2_state)) {
        return GSL_EBADLEN;
    }
    cgsl_taus2_state *state = (cgsl_taus2_state *)gsl_rng_state(r);
    state->s1 = s1 | 2u;
    state->s2 = s2 | 8u;
    state->s3 = s3 | 16u;
    return GSL_SUCCESS;
}

#endif
