package org.dmftlab.app.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third-party example {@code examples/third-party-plugin} as its author builds and uses it: a separate Maven
 * build (its own tests included: the testkit contracts and the theory-versus-simulation check) against the core
 * and testkit jars this reactor just built, then its jar dropped into a plugins folder of the real launcher, which
 * lists it and runs the example's experiment with it in both engines.
 *
 * <p>The example resolves dmftlab from a throwaway local repository that holds only this reactor's artifacts;
 * everything else comes read-only from this build's local repository (declared as a {@code file:} repository)
 * or, when missing there, from Maven Central. Nothing is installed into the developer's own repository (checked),
 * so no SNAPSHOT copy can shadow the reactor later.
 */
class ExamplePluginIT {

    /** The example's Maven build: JVM start, compilation and about a second of tests; a cold cache downloads. */
    private static final long BUILD_TIMEOUT_SECONDS = 300;
    private static final String PLUGIN_JAR = "dmftlab-qhm-1.0.0.jar";
    /** Agreement bound of {@code comparison.csv}'s max |theory − simulation| / combined error. */
    private static final double COMBINED_ERRORS = 4;
    /** Reactor folder → artifact id of every dmftlab artifact the example needs (testkit brings the plugins). */
    private static final Map<String, String> ARTIFACTS = Map.of(
            ".", "dmftlab-parent",
            "core", "dmftlab-core",
            "testkit", "dmftlab-testkit",
            "plugins-optimizers", "dmftlab-plugins-optimizers",
            "plugins-losses", "dmftlab-plugins-losses",
            "plugins-covariance", "dmftlab-plugins-covariance",
            "plugins-schedules", "dmftlab-plugins-schedules",
            "plugins-launchers", "dmftlab-plugins-launchers");

    @TempDir
    static Path scratch;

    private static Path plugins;

    @BeforeAll
    static void buildTheExampleAgainstThisReactor() throws IOException, InterruptedException {
        String version = System.getProperty("dmftlab.version");
        Path repository = Files.createDirectory(scratch.resolve("repository"));
        for (Map.Entry<String, String> artifact : ARTIFACTS.entrySet()) {
            install(Launcher.root().resolve(artifact.getKey()), artifact.getValue(), version, repository);
        }
        Path example = scratch.resolve("example");
        copyWithoutTarget(Launcher.root().resolve("examples/third-party-plugin"), example);
        Path host = hostRepository();
        Path settings = Files.writeString(scratch.resolve("settings.xml"), settings(host));
        List<String> hostDmftlabBefore = listing(host.resolve("org/dmftlab"));
        List<String> command = List.of(maven().toString(), "-B", "-q", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repository, "-Ddmftlab.version=" + version, "package");
        Path log = scratch.resolve("example-build.log");
        Process build = new ProcessBuilder(command).directory(example.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!build.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            build.destroyForcibly();
            throw new AssertionError("the example build did not finish in " + BUILD_TIMEOUT_SECONDS + " s:\n"
                    + read(log));
        }
        assertEquals(0, build.exitValue(), () -> String.join(" ", command) + "\n" + read(log));
        assertEquals(hostDmftlabBefore, listing(host.resolve("org/dmftlab")),
                "the example build must not write dmftlab artifacts into " + host);
        plugins = Files.createDirectory(scratch.resolve("plugins"));
        Files.copy(example.resolve("target").resolve(PLUGIN_JAR), plugins.resolve(PLUGIN_JAR));
    }

    @Test
    void theBuiltPluginIsListedWithItsModuleAndVersion() throws Exception {
        Launcher.Result result = Launcher.run(scratch, "plugins", "--plugins", plugins.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().lines().anyMatch(line -> line.matches("optimizer +qhm +org\\.example\\.qhm@1\\.0\\.0")),
                result::toString);
    }

    /**
     * The example's own experiment file through {@code ./dmftlab run --plugins}, at a small size (T = 15, d = 1000,
     * 12 seeds, 8000 paths; seeds fixed, so the outcome is deterministic): both engines run qhm, and
     * {@code comparison.csv} puts every observable within {@value #COMBINED_ERRORS} combined errors.
     */
    @Test
    void itsExperimentRunsWithTheoryAgreeingWithSimulation() throws Exception {
        Path out = scratch.resolve("qhm-square");
        Launcher.Result result = Launcher.run(scratch, "run",
                Launcher.root().resolve("examples/third-party-plugin/experiment.yaml").toString(),
                "--plugins", plugins.toString(), "--out", out.toString(), "--threads", "2", "--set", "steps=15",
                "--set", "simulation.dimension=1000", "--set", "simulation.seeds=12", "--set", "theory.paths=8000");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"module\" : \"org.example.qhm@1.0.0\""),
                "run.json names the plugin's module");
        List<String> comparison = Files.readAllLines(out.resolve("comparison.csv"));
        assertEquals("observable,max_abs_difference,max_difference_over_error", comparison.get(0));
        assertEquals(1 + 7, comparison.size(), () -> String.join("\n", comparison));
        for (String row : comparison.subList(1, comparison.size())) {
            double ratio = Double.parseDouble(row.split(",")[2]);
            assertTrue(ratio <= COMBINED_ERRORS, () -> "theory and simulation disagree: " + row);
        }
    }

    /** Copies a reactor module's pom (and jar, unless it is the parent) into the local-repository layout. */
    private static void install(Path module, String artifactId, String version, Path repository) throws IOException {
        Path folder = Files.createDirectories(repository.resolve("org/dmftlab").resolve(artifactId).resolve(version));
        String base = artifactId + "-" + version;
        Files.copy(module.resolve("pom.xml"), folder.resolve(base + ".pom"));
        if (!artifactId.equals("dmftlab-parent")) {
            Path jar = module.resolve("target").resolve(base + ".jar");
            assertTrue(Files.isRegularFile(jar), () -> "the reactor has not built " + jar);
            Files.copy(jar, folder.resolve(base + ".jar"));
        }
    }

    /** Every file under a folder with its modification time, sorted; empty when the folder does not exist. */
    private static List<String> listing(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            List<String> files = new ArrayList<>();
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.add(folder.relativize(file) + " " + Files.getLastModifiedTime(file));
            }
            return files;
        }
    }

    private static void copyWithoutTarget(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> !from.relativize(file).startsWith("target")).toList();
        }
        for (Path file : files) {
            Path copy = to.resolve(from.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /**
     * Settings that add this build's local repository as a read-only {@code file:} repository before Central, for
     * releases only (dmftlab SNAPSHOTs come from the throwaway repository alone).
     */
    private static String settings(Path hostRepository) {
        String repository = """
                <id>host-cache</id><url>%s</url>
                <releases><checksumPolicy>ignore</checksumPolicy></releases>
                <snapshots><enabled>false</enabled></snapshots>""".formatted(hostRepository.toUri());
        return """
                <settings>
                  <profiles>
                    <profile>
                      <id>host-cache</id>
                      <repositories><repository>%1$s</repository></repositories>
                      <pluginRepositories><pluginRepository>%1$s</pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>host-cache</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository);
    }

    private static Path hostRepository() {
        String configured = System.getProperty("dmftlab.host.repository");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** The Maven that runs this build (failsafe passes {@code maven.home}), else {@code mvn} on the PATH. */
    private static Path maven() {
        String home = System.getProperty("maven.home");
        return home != null && !home.isBlank() ? Path.of(home, "bin", "mvn") : Path.of("mvn");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException unreadable) {
            return "(no build log: " + unreadable.getMessage() + ")";
        }
    }
}
