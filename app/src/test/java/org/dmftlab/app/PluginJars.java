package org.dmftlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.dmftlab.core.spi.PluginProvider;

/**
 * Third-party plugin jars made at test time, as a plugin author makes them: module sources compiled against dmftlab's
 * core with the JDK's javac and put in a jar.
 */
public final class PluginJars {

    /**
     * Nested classes for {@link #providers}: the loss {@code exploding} ({@code Plugins.Exploding}), the square loss
     * whose derivative throws {@code IllegalStateException: boom}, so that every run with it fails on a plugin fault.
     */
    public static final String EXPLODING_LOSS = """
            /** The square loss, but its derivative throws. */
            public static final class Exploding implements LossProvider {
                public String id() { return "exploding"; }
                public String description() { return "a loss whose derivative throws"; }
                public List<Parameter> parameters() { return List.of(); }
                public Loss create(PluginConfig config) { return new ExplodingLoss(); }
            }

            static final class ExplodingLoss implements Loss {
                public double value(double y, double r) { return (r - y) * (r - y) / 2; }
                public double firstDerivative(double y, double r) { throw new IllegalStateException("boom"); }
                public double secondDerivative(double y, double r) { return 1; }
                public boolean curvatureCarriesResponse() { return true; }
            }
            """;

    private PluginJars() {
    }

    /**
     * Writes, compiles and jars a plugin module whose one class, {@code <module>.Plugins}, holds the given nested
     * classes (they may use {@code java.util.List}, {@code java.util.random.RandomGenerator} and
     * {@code org.dmftlab.core.spi.*}).
     *
     * @param provides the module's {@code provides} lines, each a service of {@code org.dmftlab.core.spi} with its
     *                 classes, e.g. {@code LossProvider with org.example.faulty.Plugins.Exploding}
     * @return the jar
     * @see #build
     */
    public static Path providers(Path scratch, String module, String version, List<String> provides, String nested,
                                 Path core, Path jar) {
        StringBuilder descriptor = new StringBuilder("module " + module + " {\n    requires org.dmftlab.core;\n");
        provides.forEach(line -> descriptor.append("    provides org.dmftlab.core.spi.").append(line).append(";\n"));
        descriptor.append("}\n");
        String source = "package " + module + ";\n\nimport java.util.List;\nimport java.util.random.RandomGenerator;\n"
                + "import org.dmftlab.core.spi.*;\n\npublic final class Plugins {\n" + nested + "}\n";
        return build(scratch, module, version, Map.of("module-info.java", descriptor.toString(), "Plugins.java",
                source), core, jar);
    }

    /**
     * Writes, compiles and jars a plugin module.
     *
     * @param scratch a folder for the sources and classes
     * @param module  the module name, also the package of the classes
     * @param version the module version
     * @param sources file name (in the module's package; {@code module-info.java} at the root) → Java source
     * @param core    the core jar or classes folder the module compiles against
     * @param jar     the jar to write
     * @return the jar
     */
    public static Path build(Path scratch, String module, String version, Map<String, String> sources, Path core,
                             Path jar) {
        try {
            Path root = scratch.resolve(module + "-src");
            Path classes = scratch.resolve(module + "-classes");
            Path packageFolder = Files.createDirectories(root.resolve(module.replace('.', '/')));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = source.getKey().equals("module-info.java") ? root.resolve(source.getKey())
                        : packageFolder.resolve(source.getKey());
                Files.writeString(file, source.getValue());
            }
            compile(root, classes, core, version);
            write(classes, jar);
            return jar;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Core as this test JVM loaded it (its classes folder or jar), for plugins compiled in unit tests. */
    public static Path coreOfThisJvm() {
        try {
            return Path.of(PluginProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Compiles with the JDK's javac through {@link ToolProvider} (in {@code java.base}): the tests are compiled
     * patched into the app module, which does not read {@code java.compiler}, the home of {@code javax.tools}.
     */
    private static void compile(Path sources, Path classes, Path core, String version) throws IOException {
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new AssertionError("the tests need a JDK with javac, not a JRE"));
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "--module-path", core.toString(),
                "--module-version", version, "-d", classes.toString()));
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(file -> file.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
        }
        StringWriter messages = new StringWriter();
        try (PrintWriter writer = new PrintWriter(messages)) {
            int status = javac.run(writer, writer, arguments.toArray(String[]::new));
            assertEquals(0, status, () -> "the plugin does not compile:\n" + messages);
        }
    }

    private static void write(Path classes, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Path entry : files) {
                out.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace('\\', '/')));
                Files.copy(entry, out);
                out.closeEntry();
            }
        }
    }
}
