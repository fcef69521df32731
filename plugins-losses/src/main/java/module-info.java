/**
 * The standard losses ({@code square}, {@code logistic}, {@code smooth-hinge}, {@code huber}) and teachers
 * ({@code linear}, {@code sign}) of SPEC §1, §3 and §6. Exports nothing: the providers are found with
 * {@link java.util.ServiceLoader}.
 */
module org.dmftlab.losses {
    requires org.dmftlab.core;

    provides org.dmftlab.core.spi.LossProvider with
            org.dmftlab.losses.SquareLossProvider,
            org.dmftlab.losses.LogisticLossProvider,
            org.dmftlab.losses.SmoothHingeLossProvider,
            org.dmftlab.losses.HuberLossProvider;
    provides org.dmftlab.core.spi.TeacherProvider with
            org.dmftlab.losses.LinearTeacherProvider,
            org.dmftlab.losses.SignTeacherProvider;
}
