package org.dmftlab.validation.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.theory.TheorySettings;
import org.dmftlab.validation.Experiments;
import org.dmftlab.validation.bench.LongHorizonCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Before/after (issue 10): today's solver against the trajectories of the solver as it was at commit 69eea4e, stored
 * in {@code src/test/resources/long-horizon/} (how they were made: the README there), on an identity and a
 * power-law case at T = {@value #STEPS}. Every observable at t = 0, {@value #STRIDE}, 2·{@value #STRIDE}, …, T is
 * compared: |ours − reference| ≤ {@value #LIMIT} × √(e_ours² + e_reference²).
 *
 * <p>Family-wise control: both sides are Monte-Carlo estimates whose errors come from independent groups (ours:
 * {@value #SEEDS} seeds × 8 groups, 14 degrees of freedom; the reference: 42), so each ratio is at worst a Student
 * t with 14 degrees of freedom. Bonferroni over the 2 × 7 × 11 = 154 comparisons of the class at family-wise
 * level 10⁻³ asks for the two-sided 3.2·10⁻⁶ point of t₁₄, {@value #LIMIT} (the comparisons are strongly
 * correlated, so the true level is lower still).
 */
class LongHorizonReferenceTest {

    private static final int STEPS = 200;
    private static final int STRIDE = 20;
    private static final int SEEDS = 2;
    private static final int PATHS = 12_000;
    private static final int RESPONSE_PATHS = 1_200;
    private static final int SPECIES = 64;
    private static final double LIMIT = 6.9;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"identity", "power-law"})
    void agreesWithTheSolverOf69eea4e(String name) {
        Trajectory reference = read("/long-horizon/" + name + "-T" + STEPS + ".csv");
        Observable[] observables = Observable.values();
        double[][] sum = new double[observables.length][STEPS + 1];
        double[][] squares = new double[observables.length][STEPS + 1];
        for (int seed = 1; seed <= SEEDS; seed++) {
            Trajectory ours = Experiments.theory(LongHorizonCases.experiment(name, STEPS), new TheorySettings(PATHS,
                    seed, SPECIES, RESPONSE_PATHS, TheorySettings.Mode.MONTE_CARLO, 2));
            for (Observable o : observables) {
                for (int t = 0; t <= STEPS; t++) {
                    sum[o.ordinal()][t] += ours.value(o, t);
                    squares[o.ordinal()][t] += Math.pow(ours.error(o, t), 2);
                }
            }
        }
        for (Observable o : observables) {
            for (int t = 0; t <= STEPS; t += STRIDE) {
                double ours = sum[o.ordinal()][t] / SEEDS;
                double error = Math.sqrt(squares[o.ordinal()][t]) / SEEDS;
                double combined = Math.hypot(error, reference.error(o, t));
                double difference = Math.abs(ours - reference.value(o, t));
                assertTrue(difference <= LIMIT * combined + 1e-9, name + ", " + o.column() + " at t = " + t + ": "
                        + ours + " ± " + error + " vs " + reference.value(o, t) + " ± " + reference.error(o, t));
            }
        }
    }

    /** A reference CSV: t, then each observable and its error in {@link Observable} order. */
    private static Trajectory read(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = LongHorizonReferenceTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line.split(","));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Trajectory trajectory = new Trajectory(rows.size() - 1);
        Observable[] observables = Observable.values();
        for (int t = 0; t < rows.size(); t++) {
            String[] row = rows.get(t);
            assertEquals(t, Integer.parseInt(row[0]), resource + " row order");
            for (Observable o : observables) {
                trajectory.set(o, t, Double.parseDouble(row[1 + 2 * o.ordinal()]),
                        Double.parseDouble(row[2 + 2 * o.ordinal()]));
            }
        }
        return trajectory;
    }
}
