package org.dmftlab.core.theory;

/**
 * The observables of the iterate w^t that the parameter side gives directly (SPEC §4.3): averages over species of
 * the mean E_k and the fluctuation S⁰_k in w-coordinates.
 *
 * @param overlap           m(t) = ⟨w*_k E_k(t)⟩
 * @param norm              q(t) = ⟨E_k(t)² + S⁰_k(t,t)⟩
 * @param populationOverlap M(t) = ⟨σ_k w*_k E_k(t)⟩
 * @param populationNorm    Q(t) = ⟨σ_k (E_k(t)² + S⁰_k(t,t))⟩
 */
record IterateMoments(double overlap, double norm, double populationOverlap, double populationNorm) {
}
