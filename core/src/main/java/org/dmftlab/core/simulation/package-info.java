/**
 * The finite-size simulation engine: runs an {@link org.dmftlab.core.spi.UpdateRule} on sampled data exactly as
 * SPEC §1–3 describe and reports the observables averaged over seeds with their standard errors
 * ({@link org.dmftlab.core.simulation.SimulationEngine}); {@link org.dmftlab.core.simulation.SimulationStepper}
 * advances one seed step by step (benchmarks, inspection).
 */
package org.dmftlab.core.simulation;
