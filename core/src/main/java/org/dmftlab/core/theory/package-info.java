/**
 * The discrete-time DMFT engine of SPEC §4: a causal forward march of the parameter-side species recursions
 * and the data-side sample paths, with an exact path-free mode for linear Gaussian data sides.
 */
package org.dmftlab.core.theory;
