/**
 * The dmftlab plugin SPI. A plugin is a JPMS module (or a jar with {@code META-INF/services}) that provides
 * one or more of the six provider families:
 * <ul>
 *   <li>{@link org.dmftlab.core.spi.OptimizerProvider} → {@link org.dmftlab.core.spi.UpdateRule}
 *       (the linear-memory update of SPEC §2.1),</li>
 *   <li>{@link org.dmftlab.core.spi.LossProvider} → {@link org.dmftlab.core.spi.Loss} (ℓ, ℓ′, ℓ″ of SPEC §1),</li>
 *   <li>{@link org.dmftlab.core.spi.TeacherProvider} → {@link org.dmftlab.core.spi.Teacher}
 *       (labels and the test error of SPEC §1 and §3),</li>
 *   <li>{@link org.dmftlab.core.spi.CovarianceProvider} → {@link org.dmftlab.core.spi.Covariance}
 *       (the spectrum of Σ and the teacher power, SPEC §1 and §4),</li>
 *   <li>{@link org.dmftlab.core.spi.ScheduleProvider} → {@link org.dmftlab.core.spi.Schedule} (SPEC §2.2),</li>
 *   <li>{@link org.dmftlab.core.spi.LauncherProvider} → {@link org.dmftlab.core.spi.Launcher}
 *       (where a command's independent tasks run: local threads, a Slurm cluster; DESIGN.md, "Launchers").</li>
 * </ul>
 * Providers are stateless factories keyed by a lowercase-kebab id; they declare their
 * {@link org.dmftlab.core.spi.Parameter}s and build an immutable product from a validated
 * {@link org.dmftlab.core.spi.PluginConfig}. Both engines consume the same products, so one plugin drives
 * theory and simulation alike. The SPI uses only JDK types. Every method about the mathematics cites its section of
 * docs/SPEC.md; errors carry an {@link org.dmftlab.core.spi.ErrorCode} (plugin guide §9).
 */
package org.dmftlab.core.spi;
