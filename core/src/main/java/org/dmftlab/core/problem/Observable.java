package org.dmftlab.core.problem;

import java.util.Arrays;
import java.util.Optional;

/** The observables of SPEC §3, with their column names (the same in both engines). */
public enum Observable {
    /** m = w·w* / d. */
    OVERLAP("m"),
    /** q = |w|²/d. */
    NORM("q"),
    /** M = wᵀΣw* / d, the population overlap. */
    POPULATION_OVERLAP("M"),
    /** Q = wᵀΣw/d. */
    POPULATION_NORM("Q"),
    /** (1/n) Σ_μ ℓ(y_μ, x_μ·w). */
    TRAIN_LOSS("train_loss"),
    /** E ℓ(y, x·w) over a fresh sample. */
    TEST_LOSS("test_loss"),
    /** E(y − x·w)² (regression) or P(sign(x·w) ≠ y) (classification), SPEC §3. */
    TEST_ERROR("test_error");

    private final String column;

    Observable(String column) {
        this.column = column;
    }

    /** The CSV column name, e.g. {@code train_loss}. */
    public String column() {
        return column;
    }

    /** The observable whose CSV column name is {@code column}, if any. */
    public static Optional<Observable> ofColumn(String column) {
        return Arrays.stream(values()).filter(observable -> observable.column.equals(column)).findFirst();
    }
}
