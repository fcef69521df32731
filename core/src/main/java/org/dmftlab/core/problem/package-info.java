/**
 * The learning problem of SPEC §1 ({@link org.dmftlab.core.problem.Problem}), its observables and test metrics (SPEC
 * §3), the {@link org.dmftlab.core.problem.Trajectory} an engine returns and how two are compared, run failures and
 * progress reporting.
 */
package org.dmftlab.core.problem;
