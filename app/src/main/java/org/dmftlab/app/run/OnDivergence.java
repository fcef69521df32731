package org.dmftlab.app.run;

/**
 * What a run does when an engine's trajectory diverges (SPEC §6, {@link org.dmftlab.core.problem.DivergedException}).
 */
public enum OnDivergence {
    /**
     * The run fails ({@code run/diverged}, exit 1) and leaves its output folder as it was: {@code dmftlab run}, where
     * a divergence means the experiment needs a smaller learning rate or fewer steps.
     */
    FAIL,
    /**
     * The divergence is the engine's result: the other engines still run, and the folder is published with the
     * tables of those that ran to the end and {@code run.json} recording the engine, step and observable that
     * diverged ({@code diverged}, {@link org.dmftlab.app.output.EngineDivergence}). An experiment of the Java API
     * {@code keepingDivergence()}, such as a sweep point, whose divergence is a point of its phase diagram.
     */
    PUBLISH
}
