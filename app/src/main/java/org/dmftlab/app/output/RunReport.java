package org.dmftlab.app.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.experiment.ExperimentPlan;
import org.dmftlab.app.experiment.InputFile;
import org.dmftlab.app.experiment.PluginChoice;
import org.dmftlab.app.experiment.Sha256;
import org.dmftlab.core.problem.Observable;

/**
 * {@code run.json}: what ran and how (DESIGN.md, "Output folder"). Keys:
 * <ul>
 *   <li>{@code dmftlab}: the version; {@code experiment-file} (null for an experiment built in code; absolute,
 *       so that a replay resolves relative plugin
 *       paths from any directory) and {@code overrides} ({@code --set}, in order);</li>
 *   <li>{@code experiment}: the resolved configuration in the experiment-file schema, every default filled in,
 *       including every plugin parameter and the seeds ({@link ExperimentPlan#resolvedConfiguration});</li>
 *   <li>{@code plugins}: per chosen plugin its key, family, id and {@code module@version};</li>
 *   <li>{@code inputs}: per PATH parameter its dotted key → {@code {path, sha256}} of the file it named;</li>
 *   <li>{@code engines}: per engine that ran its table and wall time in seconds; for a theory whose species are a
 *       quadrature of the spectrum, {@code quadrature-error}: {@code species} K, {@code coarser-species} ⌊K/2⌋ and
 *       per observable column the estimated bound max_t |x_K(t) − x_{K/2}(t)| ({@code null} when unknown, SPEC
 *       §4.5); {@code diverged}: per engine whose trajectory diverged, a result of a sweep point that has no table
 *       ({@link EngineDivergence}: {@code engine}, {@code step}, {@code observable}; empty for {@code dmftlab run},
 *       whose divergence fails the run); {@code threads};</li>
 *   <li>{@code files}: every other file of the folder → its SHA-256 ({@link PublishedRun} checks them);</li>
 *   <li>{@code warnings} (e.g. SPEC §6 stability) and {@code machine} (Java, OS, cores).</li>
 * </ul>
 */
public final class RunReport {

    /** The key of the output files' SHA-256. */
    static final String FILES = "files";
    /** The key of a checkpoint's fingerprint ({@link #configuration}). */
    public static final String FINGERPRINT = "fingerprint";
    /** The key of the engines that diverged. */
    static final String DIVERGED = "diverged";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunReport() {
    }

    /** Whether two records of {@link #configuration} are of the same run: their {@value #FINGERPRINT}s are equal. */
    static boolean sameFingerprint(JsonNode one, JsonNode other) {
        return one.path(FINGERPRINT).asText().equals(other.path(FINGERPRINT).asText());
    }

    /**
     * What a run is, in the first keys of {@code run.json} ({@code dmftlab}, {@code experiment-file},
     * {@code overrides}, {@code experiment}, {@code plugins}, {@code inputs}; a {@code --replay} of it repeats the
     * run) and its {@value #FINGERPRINT}: the SHA-256 of the version, the resolved configuration (without how the
     * run is kept, {@link ExperimentPlan#computed}), the plugins' versions and the input files' hashes. Two runs with the same fingerprint compute the same units, wherever
     * their experiment file is and however their overrides were spelled; a checkpoint ({@link Checkpoint}) is
     * resumed only by a run with its fingerprint.
     *
     * @param engines the engines that run
     */
    public static ObjectNode configuration(String version, ExperimentPlan plan, Set<Engine> engines) {
        ObjectNode root = JSON.createObjectNode();
        root.put("dmftlab", version);
        if (plan.file() == null) {
            root.putNull("experiment-file");
        } else {
            root.put("experiment-file", plan.file().toAbsolutePath().normalize().toString());
        }
        ArrayNode overrides = root.putArray("overrides");
        plan.overrides().forEach(override -> overrides.add(override.toString()));
        root.set("experiment", JSON.valueToTree(plan.resolvedConfiguration(engines)));
        ArrayNode plugins = root.putArray("plugins");
        for (PluginChoice choice : plan.plugins()) {
            plugins.addObject()
                    .put("key", choice.key())
                    .put("family", choice.descriptor().family().name())
                    .put("id", choice.descriptor().id())
                    .put("module", choice.descriptor().origin().moduleAtVersion());
        }
        ObjectNode inputs = root.putObject("inputs");
        for (InputFile input : plan.inputs()) {
            inputs.putObject(input.key())
                    .put("path", input.path().toString())
                    .put("sha256", input.sha256());
        }
        ObjectNode identity = root.deepCopy();
        identity.remove(List.of("experiment-file", "overrides"));
        identity.set("experiment", ExperimentPlan.computed(identity.path("experiment")));
        try {
            MessageDigest digest = Sha256.digest();
            digest.update(JSON.writeValueAsBytes(identity));
            root.put(FINGERPRINT, Sha256.hex(digest));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree could not be written", impossible);
        }
        return root;
    }

    /**
     * The report as pretty-printed JSON.
     *
     * @param version  the dmftlab version
     * @param plan     the validated experiment
     * @param runs     the engines that ran to the end, in the order they ran
     * @param diverged the engines that diverged, in the order they ran
     * @param threads  worker threads used
     * @param warnings warnings shown before the run
     * @param files    the other files of the folder, each with its SHA-256 ({@link OutputFolder#files()})
     * @param machine  the machine
     */
    public static String json(String version, ExperimentPlan plan, List<EngineRun> runs,
                              List<EngineDivergence> diverged, int threads, List<String> warnings,
                              Map<String, String> files, Machine machine) {
        Set<Engine> ran = EnumSet.noneOf(Engine.class);
        runs.forEach(run -> ran.add(run.engine()));
        diverged.forEach(divergence -> ran.add(divergence.engine()));
        ObjectNode root = configuration(version, plan, ran);
        root.remove(FINGERPRINT);
        ArrayNode engines = root.putArray("engines");
        for (EngineRun run : runs) {
            ObjectNode engine = engines.addObject()
                    .put("engine", run.engine().key())
                    .put("table", run.tableName())
                    .put("wall-seconds", run.wallSeconds());
            run.quadrature().ifPresent(error -> {
                ObjectNode quadrature = engine.putObject("quadrature-error")
                        .put("species", error.species())
                        .put("coarser-species", error.coarserSpecies());
                ObjectNode bounds = quadrature.putObject("bounds");
                for (Observable observable : Observable.values()) {
                    double bound = error.bound(observable);
                    if (Double.isNaN(bound)) {
                        bounds.putNull(observable.column());
                    } else {
                        bounds.put(observable.column(), bound);
                    }
                }
            });
        }
        ArrayNode divergences = root.putArray(DIVERGED);
        for (EngineDivergence divergence : diverged) {
            divergences.addObject()
                    .put("engine", divergence.engine().key())
                    .put("step", divergence.step())
                    .put("observable", divergence.observable().column());
        }
        root.put("threads", threads);
        ArrayNode warningList = root.putArray("warnings");
        warnings.forEach(warningList::add);
        ObjectNode hashes = root.putObject(FILES);
        files.forEach(hashes::put);
        root.putObject("machine")
                .put("java", machine.java())
                .put("os", machine.os())
                .put("cores", machine.cores());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree could not be written", impossible);
        }
    }
}
