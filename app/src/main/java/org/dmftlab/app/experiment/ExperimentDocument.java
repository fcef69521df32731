package org.dmftlab.app.experiment;

import java.util.Map;

/**
 * An experiment file as written (DESIGN.md, "Experiment file"), bound by Jackson with kebab-case keys and
 * nothing checked but the key names and the value types: any field may be null (absent). Plugin blocks stay
 * raw maps {@code {id: …, <parameters>}} because their keys belong to the plugin. {@link ExperimentResolver}
 * turns a document into a validated {@link ExperimentPlan}.
 */
record ExperimentDocument(String name, ProblemBlock problem, Map<String, Object> optimizer, Integer steps,
                          TheoryBlock theory, SimulationBlock simulation, FigureBlock figure,
                          CheckpointBlock checkpoint) {

    /** {@code problem}: SPEC §1. */
    record ProblemBlock(Double alpha, Double ridge, Map<String, Object> teacher, Map<String, Object> loss,
                        Map<String, Object> covariance, InitBlock init) {
    }

    /** {@code problem.init}: m0 and c0 of SPEC §1. */
    record InitBlock(Double overlap, Double variance) {
    }

    /** {@code theory}: the settings of the DMFT solver (SPEC §4). */
    record TheoryBlock(Integer paths, Long seed, Integer species, Integer responsePaths, String mode,
                       Integer groups, String precision) {
    }

    /**
     * {@code figure}: how {@code figure.png} is drawn; {@code time-axis} is {@code linear} or {@code log},
     * {@code time-unit} is {@code step} or {@code eta-t}; {@code two-time} asks for the two-time functions
     * ({@code two-time.csv}, {@code two-time.png}).
     */
    record FigureBlock(String timeAxis, String timeUnit, Boolean twoTime) {
    }

    /**
     * {@code checkpoint}: how a run keeps its units in progress; {@code interval} is a duration such as {@code 30s},
     * {@code 10m} or {@code 1h}, or {@code 0} / {@code off} (text, since a number alone has no unit).
     */
    record CheckpointBlock(String interval) {
    }

    /** {@code simulation}: the settings of the finite-size simulation. */
    record SimulationBlock(Integer dimension, Integer seeds, Long seed, String precision) {
    }
}
