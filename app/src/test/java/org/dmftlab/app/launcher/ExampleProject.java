package org.dmftlab.app.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Maven project of {@code examples/} built as its author builds it: a separate Maven build, copied out of the
 * repository, against the artifacts this reactor just built. They are put in a throwaway local repository that holds
 * only them; everything else comes read-only from this build's local repository (declared as a {@code file:}
 * repository) or, when missing there, from Maven Central. Nothing is installed into the developer's own repository
 * ({@link #build} checks it), so no SNAPSHOT copy can shadow the reactor later.
 */
final class ExampleProject {

    /**
     * Reactor folder → artifact id of the parent, the core and the standard plugins: what every example needs (a
     * plugin's tests run the testkit over them, a program runs them).
     */
    static final Map<String, String> CORE_AND_PLUGINS = Map.of(
            ".", "dmftlab-parent",
            "core", "dmftlab-core",
            "plugins-optimizers", "dmftlab-plugins-optimizers",
            "plugins-losses", "dmftlab-plugins-losses",
            "plugins-covariance", "dmftlab-plugins-covariance",
            "plugins-schedules", "dmftlab-plugins-schedules",
            "plugins-launchers", "dmftlab-plugins-launchers");

    /** A project's Maven build: JVM start, compilation and its tests; a cold cache downloads. */
    private static final long BUILD_TIMEOUT_SECONDS = 300;

    private final Path folder;

    private ExampleProject(Path folder) {
        this.folder = folder;
    }

    /** Copies {@code examples/NAME} (without its {@code target}) into {@code scratch/NAME}. */
    static ExampleProject copy(String name, Path scratch) throws IOException {
        Path from = Launcher.root().resolve("examples").resolve(name);
        Path to = scratch.resolve(name);
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
        return new ExampleProject(to);
    }

    /** The project's folder. */
    Path folder() {
        return folder;
    }

    /**
     * Runs {@code mvn -B -q GOALS} on the project with a throwaway repository that holds the given reactor artifacts,
     * and checks that the developer's repository got no dmftlab artifact.
     *
     * @param artifacts reactor folder → artifact id, besides {@link #CORE_AND_PLUGINS}
     */
    void build(Path scratch, Map<String, String> artifacts, String... goals) throws IOException, InterruptedException {
        String version = System.getProperty("dmftlab.version");
        Path repository = Files.createDirectories(scratch.resolve("repository"));
        Map<String, String> all = new HashMap<>(CORE_AND_PLUGINS);
        all.putAll(artifacts);
        for (Map.Entry<String, String> artifact : all.entrySet()) {
            install(Launcher.root().resolve(artifact.getKey()), artifact.getValue(), version, repository);
        }
        Path host = hostRepository();
        Path settings = Files.writeString(scratch.resolve("settings.xml"), settings(host));
        List<String> hostDmftlabBefore = listing(host.resolve("org/dmftlab"));
        List<String> command = new ArrayList<>(List.of(maven().toString(), "-B", "-q", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repository, "-Ddmftlab.version=" + version));
        command.addAll(List.of(goals));
        Path log = scratch.resolve(folder.getFileName() + "-build.log");
        Process build = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!build.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            build.destroyForcibly();
            throw new AssertionError("the build of " + folder + " did not finish in " + BUILD_TIMEOUT_SECONDS
                    + " s:\n" + read(log));
        }
        assertEquals(0, build.exitValue(), () -> String.join(" ", command) + "\n" + read(log));
        assertEquals(hostDmftlabBefore, listing(host.resolve("org/dmftlab")),
                "the example build must not write dmftlab artifacts into " + host);
    }

    /**
     * Copies a reactor module's installable pom (the flattened one, whose versions are resolved) and jar (unless it
     * is the parent) into the local-repository layout.
     */
    private static void install(Path module, String artifactId, String version, Path repository) throws IOException {
        Path folder = Files.createDirectories(repository.resolve("org/dmftlab").resolve(artifactId).resolve(version));
        String base = artifactId + "-" + version;
        Path pom = module.resolve("target/flattened-pom.xml");
        assertTrue(Files.isRegularFile(pom), () -> "the reactor has not flattened " + pom);
        Files.copy(pom, folder.resolve(base + ".pom"));
        if (!artifactId.equals("dmftlab-parent")) {
            // The app's jar has no version in its name (its finalName, for ./dmftlab); the others have.
            Path jar = module.resolve("target").resolve(artifactId.equals("dmftlab-app") ? artifactId + ".jar"
                    : base + ".jar");
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

    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException unreadable) {
            return "(no log: " + unreadable.getMessage() + ")";
        }
    }
}
