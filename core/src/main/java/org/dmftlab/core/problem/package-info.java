/**
 * What the engines share: the {@link org.dmftlab.core.problem.Experiment} they run, the
 * {@link org.dmftlab.core.problem.Trajectory} of observables they return, the test metrics of SPEC §3 and
 * progress reporting.
 */
package org.dmftlab.core.problem;
