/**
 * The dmftlab command line: {@code dmftlab run}, {@code dmftlab plugins}. Reads YAML experiments, runs the
 * engines of {@code org.dmftlab.core} and writes tables and plots. Plugins are not required here: they are
 * bound as services of core.
 */
module org.dmftlab.app {
    requires org.dmftlab.core;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.jfree.jfreechart;
    requires java.desktop;

    opens org.dmftlab.app.cli to info.picocli;
    // Jackson binds the experiment file to the (package-private) records of this package.
    opens org.dmftlab.app.experiment to com.fasterxml.jackson.databind;
}
