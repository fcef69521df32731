/**
 * The dynamics both engines run, each convention in one place: the {@link org.dmftlab.core.dynamics.Experiment}
 * (problem, rule, horizon) with its validated {@link org.dmftlab.core.dynamics.UpdateSchedule} (SPEC §2.1), the
 * sample selection ({@link org.dmftlab.core.dynamics.BatchSelection}, SPEC §2), the divergence rule and the
 * stability region ({@link org.dmftlab.core.dynamics.Divergence}, {@link org.dmftlab.core.dynamics.StabilityCheck},
 * SPEC §6), and the mean ± standard error over independent replicas
 * ({@link org.dmftlab.core.dynamics.ReplicaStatistics}).
 */
package org.dmftlab.core.dynamics;
