/**
 * The dmftlab command line ({@code dmftlab run}, {@code dmftlab sweep}, {@code dmftlab plugins}) and the Java API it
 * is a client of ({@link org.dmftlab.app.api}, the one exported package). Reads YAML experiments and sweeps, runs
 * the engines of {@code org.dmftlab.core} and writes tables and plots; one Guice injector
 * ({@code org.dmftlab.app.wiring}) composes the parts. Plugins are not required here: they are bound as services of
 * core.
 *
 * @since 0.1.0
 */
module org.dmftlab.app {
    requires transitive org.dmftlab.core;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.jfree.jfreechart;
    requires java.desktop;
    requires com.google.guice;
    requires jakarta.inject;
    requires com.google.common;

    // The Java API: build and run experiments in code (its types use core's SPI and observables, hence transitive).
    exports org.dmftlab.app.api;

    opens org.dmftlab.app.cli to info.picocli;
    // Jackson binds the experiment and sweep files to the (package-private) records of these packages.
    opens org.dmftlab.app.experiment to com.fasterxml.jackson.databind;
    opens org.dmftlab.app.sweep to com.fasterxml.jackson.databind;
    // Guice calls the @Provides methods of the module, and the injected constructor of the API's entry point.
    opens org.dmftlab.app.wiring to com.google.guice;
    opens org.dmftlab.app.api to com.google.guice;
}
