/**
 * A third-party dmftlab plugin: the {@code qhm} optimizer (quasi-hyperbolic momentum). It only provides a service
 * and exports nothing; dmftlab finds it with {@link java.util.ServiceLoader} in a {@code --plugins} folder.
 */
module org.example.qhm {
    requires org.dmftlab.core;

    provides org.dmftlab.core.spi.OptimizerProvider with org.example.qhm.QhmProvider;
}
