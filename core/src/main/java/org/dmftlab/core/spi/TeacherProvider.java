package org.dmftlab.core.spi;

/**
 * Service interface of the teacher family: creates the label map φ(h0, ε), its noise and its test-error metric (SPEC §1, §3).
 *
 * <p>Register an implementation with {@code provides org.dmftlab.core.spi.TeacherProvider with …} in the
 * plugin's {@code module-info.java} and, for class-path use, in
 * {@code META-INF/services/org.dmftlab.core.spi.TeacherProvider}.
 *
 * @since 0.1.0
 */
public interface TeacherProvider extends PluginProvider<Teacher> {
}
