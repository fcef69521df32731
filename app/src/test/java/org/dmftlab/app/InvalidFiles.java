package org.dmftlab.app;

import java.util.List;

/**
 * Experiment files with one mistake each, as edits of {@link TestExperiments#CONFIG_A}: the command line's validation
 * test ({@code RunCommandValidationTest}) runs them through {@code dmftlab run}, the API's parity test
 * ({@code ValidationParityTest}) also through the Java API.
 */
public final class InvalidFiles {

    /**
     * One invalid file.
     *
     * @param what        what is wrong
     * @param original    text of CONFIG_A to replace
     * @param replacement what replaces it
     * @param code        the expected error code
     * @param fragment    the expected "key = value" (or key, or a fragment of the message)
     */
    public record Case(String what, String original, String replacement, String code, String fragment) {

        /** CONFIG_A with this case's edit. */
        public String text() {
            if (!TestExperiments.CONFIG_A.contains(original)) {
                throw new IllegalStateException("the case must edit CONFIG_A: " + original);
            }
            return TestExperiments.CONFIG_A.replace(original, replacement);
        }
    }

    private InvalidFiles() {
    }

    /** Every case. */
    public static List<Case> cases() {
        return List.of(
                new Case("unknown top-level key", "steps: 5", "steps: 5\ncolour: blue", "config/unknown-key", "colour = blue"),
                new Case("unknown nested key", "ridge: 0.5", "ridge: 0.5\n  lambda: 1", "config/unknown-key", "problem.lambda = 1"),
                new Case("text for a real", "alpha: 3.0", "alpha: three", "config/wrong-type", "problem.alpha = three"),
                new Case("decimal for an integer", "steps: 5", "steps: 5.5", "config/wrong-type", "steps = 5.5"),
                new Case("list for an integer", "steps: 5", "steps: [5]", "config/wrong-type", "steps = [5]"),
                new Case("alpha not positive", "alpha: 3.0", "alpha: 0", "config/out-of-range", "problem.alpha = 0"),
                new Case("negative ridge", "ridge: 0.5", "ridge: -1", "config/out-of-range", "problem.ridge = -1"),
                new Case("negative init variance", "variance: 1.0", "variance: -0.5", "config/out-of-range", "problem.init.variance = -0.5"),
                new Case("zero steps", "steps: 5", "steps: 0", "config/out-of-range", "steps = 0"),
                new Case("zero paths", "paths: 2000", "paths: 0", "config/out-of-range", "theory.paths = 0"),
                new Case("zero dimension", "dimension: 100", "dimension: 0", "config/out-of-range", "simulation.dimension = 0"),
                new Case("zero seeds", "seeds: 2", "seeds: 0", "config/out-of-range", "simulation.seeds = 0"),
                new Case("unknown theory mode", "seed: 3}", "seed: 3, mode: fast}", "config/out-of-range", "theory.mode = fast"),
                new Case("unknown theory precision", "seed: 3}", "seed: 3, precision: half}", "config/out-of-range",
                        "theory.precision = half"),
                new Case("a single theory group", "seed: 3}", "seed: 3, groups: 1}", "config/out-of-range",
                        "theory.groups = 1"),
                new Case("theory groups not an integer", "seed: 3}", "seed: 3, groups: many}", "config/wrong-type",
                        "theory.groups = many"),
                new Case("more response paths than paths", "seed: 3}", "seed: 3, response-paths: 5000}",
                        "config/invalid-combination", "theory.response-paths = 5000"),
                new Case("bad name", "name: config-a", "name: ../up", "config/out-of-range", "name = ../up"),
                new Case("unknown plugin id", "{id: square}", "{id: cubic}", "plugins/unknown-id", "problem.loss.id = cubic"),
                new Case("unknown plugin parameter", "learning-rate: 0.1", "step-size: 0.1", "config/unknown-key", "optimizer.step-size = 0.1"),
                new Case("plugin parameter out of range", "batch-fraction: 1.0", "batch-fraction: 1.5",
                        "config/out-of-range", "optimizer.batch-fraction = 1.5"),
                new Case("plugin parameter of the wrong type", "noise: 0.0", "noise: loud", "config/wrong-type",
                        "problem.teacher.noise = loud"),
                new Case("plugin block as a single value", "loss: {id: square}", "loss: square", "config/wrong-type",
                        "problem.loss = square"),
                new Case("missing required key", "  alpha: 3.0\n", "", "config/missing-key", "problem.alpha: required"),
                new Case("missing required block", "optimizer: {id: sgd, learning-rate: 0.1, batch-fraction: 1.0}\n", "",
                        "config/missing-key", "optimizer: required"),
                new Case("missing plugin id", "{id: sgd, ", "{", "config/missing-key", "optimizer.id: required"),
                new Case("unknown schedule id", "batch-fraction: 1.0}", "learning-rate-schedule: {id: cosin}}",
                        "plugins/unknown-id", "optimizer.learning-rate-schedule.id = cosin: no schedule plugin has this"
                                + " id; known: constant, step, cosine, inverse-time, warmup"),
                new Case("schedule as a single value", "batch-fraction: 1.0}", "learning-rate-schedule: cosine}",
                        "config/wrong-type", "optimizer.learning-rate-schedule = cosine: 'sgd' expects a schedule block"),
                new Case("schedule without id", "batch-fraction: 1.0}", "learning-rate-schedule: {final: 0.1}}",
                        "config/missing-key", "optimizer.learning-rate-schedule.id: required"),
                new Case("unknown schedule parameter", "batch-fraction: 1.0}",
                        "learning-rate-schedule: {id: cosine, end: 0.1}}", "config/unknown-key",
                        "optimizer.learning-rate-schedule.end = 0.1: 'cosine' has no parameter 'end'; known keys: final"),
                new Case("nested schedule parameter out of range", "batch-fraction: 1.0}",
                        "learning-rate-schedule: {id: warmup, then: {id: step, factor: -2}}}", "config/out-of-range",
                        "optimizer.learning-rate-schedule.then.factor = -2: 'step' allows a real > 0"),
                new Case("milestones not a list", "batch-fraction: 1.0}",
                        "learning-rate-schedule: {id: step, milestones: 3}}", "config/wrong-type",
                        "optimizer.learning-rate-schedule.milestones = 3: 'step' expects a list of integers >= 1"),
                new Case("milestones not increasing", "batch-fraction: 1.0}",
                        "learning-rate-schedule: {id: step, milestones: [4, 2]}}", "config/invalid-combination",
                        "optimizer.learning-rate-schedule.milestones = [4, 2]: 'step': milestones must be strictly"
                                + " increasing"),
                new Case("schedule leaving the range", "batch-fraction: 1.0}",
                        "batch-fraction: 0.5, batch-fraction-schedule: {id: step, milestones: [3], factor: 4}}",
                        "config/out-of-range", "optimizer.batch-fraction-schedule = {id: step, milestones: [3],"
                                + " factor: 4.0}: 'sgd' needs batch-fraction to be a real in (0, 1] at every step, but"
                                + " with batch-fraction = 0.5 this schedule gives 2.0 at step 3 of 5"),
                new Case("unknown time unit", "steps: 5", "steps: 5\nfigure: {time-unit: seconds}",
                        "config/out-of-range", "figure.time-unit = seconds: must be one of step, eta-t"),
                new Case("checkpoint interval without a unit", "steps: 5", "steps: 5\ncheckpoint: {interval: 10}",
                        "config/out-of-range", "checkpoint.interval = 10: must be a duration such as 30s, 10m or 1h"),
                new Case("checkpoint interval negative", "steps: 5", "steps: 5\ncheckpoint: {interval: -5m}",
                        "config/out-of-range", "checkpoint.interval = -5m"),
                new Case("unknown checkpoint key", "steps: 5", "steps: 5\ncheckpoint: {every: 10m}",
                        "config/unknown-key", "checkpoint.every = 10m"),
                new Case("YAML syntax error", "alpha: 3.0", "alpha: [3.0", "config/yaml-syntax", "line "),
                new Case("duplicate key", "steps: 5", "steps: 5\nsteps: 6", "config/duplicate-key", "'steps'"));
    }
}
