/**
 * The standard optimizers of SPEC §2: {@code sgd}, {@code heavy-ball} and {@code nesterov}, instances of the
 * linear-memory form of SPEC §2.1 (with batch fraction, Langevin temperature and the schedules of SPEC §2.2), and
 * {@code sign-sgd}, which is not (simulation only, SPEC §6). Exports nothing: the providers are found with
 * {@link java.util.ServiceLoader}.
 */
module org.dmftlab.optimizers {
    requires org.dmftlab.core;

    provides org.dmftlab.core.spi.OptimizerProvider with
            org.dmftlab.optimizers.SgdProvider,
            org.dmftlab.optimizers.HeavyBallProvider,
            org.dmftlab.optimizers.NesterovProvider,
            org.dmftlab.optimizers.SignSgdProvider;
}
