package org.dmftlab.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.dmftlab.core.problem.TwoTimeFunctions;
import org.dmftlab.core.problem.TwoTimeGrid;
import org.junit.jupiter.api.Test;

/** The run tables: their layout, locale-free numbers, and reading back exactly what was written. */
class CsvTablesTest {

    /** Values that text formats get wrong: NaN, infinities, −0, the smallest subnormal, long mantissas. */
    private static final double[] AWKWARD = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
        Double.MIN_VALUE, 0.1 + 0.2, -1e-300, 1e300, Math.PI, 1.0 / 3};

    @Test
    void trajectoryTableHasTheHeaderOfTheDesignAndOneRowPerStep() {
        Trajectory trajectory = new Trajectory(1);
        for (Observable observable : Observable.values()) {
            trajectory.set(observable, 0, observable.ordinal() + 0.5, 0);
            trajectory.set(observable, 1, -1e-7 * (observable.ordinal() + 1), 0.1 / 3);
        }
        trajectory.set(Observable.TEST_ERROR, 1, 2.0, Double.NaN);

        String[] lines = CsvTables.trajectory(trajectory, Engine.SIMULATION).split("\n", -1);

        assertEquals("step,m,q,M,Q,train_loss,test_loss,test_error,"
                + "m_se,q_se,M_se,Q_se,train_loss_se,test_loss_se,test_error_se", lines[0]);
        assertEquals("0,0.5,1.5,2.5,3.5,4.5,5.5,6.5,0.0,0.0,0.0,0.0,0.0,0.0,0.0", lines[1]);
        assertEquals("1,-1.0E-7,-2.0E-7,-3.0E-7,-4.0E-7,-5.0E-7,-6.0E-7,2.0,"
                + "0.03333333333333333,0.03333333333333333,0.03333333333333333,0.03333333333333333,"
                + "0.03333333333333333,0.03333333333333333,NaN", lines[2]);
        assertEquals(List.of(4, ""), List.of(lines.length, lines[3]), "ends with a newline");
    }

    @Test
    void numbersRoundTripAndIgnoreTheLocale() {
        Trajectory trajectory = new Trajectory(0);
        double awkward = 0.1 + 0.2;
        for (Observable observable : Observable.values()) {
            trajectory.set(observable, 0, awkward, Math.PI);
        }
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String row = CsvTables.trajectory(trajectory, Engine.THEORY).split("\n")[1];
            String[] cells = row.split(",");
            assertEquals(15, cells.length);
            assertEquals(awkward, Double.parseDouble(cells[1]));
            assertEquals(Math.PI, Double.parseDouble(cells[14]));
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void comparisonTable() {
        String csv = CsvTables.comparison(List.of(new ObservableComparison(Observable.OVERLAP, 0.25, 1.5),
                new ObservableComparison(Observable.TRAIN_LOSS, 0.0, Double.NaN)));

        assertEquals("observable,max_abs_difference,max_difference_over_error\nm,0.25,1.5\ntrain_loss,0.0,NaN\n", csv);
    }

    @Test
    void aTrajectoryReadsBackBitForBitAndRewritesToTheSameBytes() {
        SplittableRandom random = new SplittableRandom(11);
        Trajectory written = new Trajectory(12);
        for (int t = 0; t <= 12; t++) {
            for (Observable observable : Observable.values()) {
                int i = t * Observable.values().length + observable.ordinal();
                written.set(observable, t, i < AWKWARD.length ? AWKWARD[i] : random.nextGaussian() * 1e3,
                        i % 5 == 0 ? Double.NaN : Math.abs(random.nextGaussian()) * 1e-3);
            }
        }
        for (Engine engine : Engine.values()) {
            String csv = CsvTables.trajectory(written, engine);
            Trajectory read = CsvTables.readTrajectory(csv, engine);

            assertEquals(written.steps(), read.steps());
            for (int t = 0; t <= 12; t++) {
                for (Observable observable : Observable.values()) {
                    assertEquals(Double.doubleToLongBits(written.value(observable, t)),
                            Double.doubleToLongBits(read.value(observable, t)), observable + " at " + t);
                    assertEquals(Double.doubleToLongBits(written.error(observable, t)),
                            Double.doubleToLongBits(read.error(observable, t)), observable + " error at " + t);
                }
            }
            assertEquals(csv, CsvTables.trajectory(read, engine));
        }
    }

    @Test
    void columnsAreReadByNameNotPosition() {
        String csv = "m_mc,step,q,M,Q,train_loss,test_loss,test_error,m,q_mc,M_mc,Q_mc,train_loss_mc,test_loss_mc,"
                + "test_error_mc\n0.5,0,2,3,4,5,6,7,1,0,0,0,0,0,0\n";
        Trajectory read = CsvTables.readTrajectory(csv, Engine.THEORY);
        assertEquals(1, read.value(Observable.OVERLAP, 0));
        assertEquals(0.5, read.error(Observable.OVERLAP, 0));
        assertEquals(7, read.value(Observable.TEST_ERROR, 0));
    }

    @Test
    void aComparisonReadsBack() {
        List<ObservableComparison> rows = List.of(new ObservableComparison(Observable.OVERLAP, 0.1 + 0.2, 1.5),
                new ObservableComparison(Observable.TEST_ERROR, Double.MIN_VALUE, Double.NaN));
        String csv = CsvTables.comparison(rows);
        assertEquals(rows, CsvTables.readComparison(csv));
        assertEquals(csv, CsvTables.comparison(CsvTables.readComparison(csv)));
    }

    @Test
    void somethingElseIsNotReadAsATable() {
        String table = CsvTables.trajectory(new Trajectory(1), Engine.SIMULATION);
        for (String broken : List.of("", table.lines().findFirst().orElseThrow(), table.replace("_se", "_mc"),
                table.replace("\n1,", "\n2,"), table.replaceFirst("NaN", "one"), table + "2,0\n")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> CsvTables.readTrajectory(broken, Engine.SIMULATION), broken);
            assertTrue(error.getMessage() != null && !error.getMessage().isBlank());
        }
        assertThrows(IllegalArgumentException.class,
                () -> CsvTables.readComparison("observable,max_abs_difference,max_difference_over_error\nmm,1,2\n"));
    }

    @Test
    void twoTimeTableIsLongFormatWithEachEnginesColumns() {
        Trajectory theory = new Trajectory(2);
        TwoTimeFunctions first = theory.recordTwoTime(TwoTimeGrid.of(2));
        Trajectory simulation = new Trajectory(2);
        TwoTimeFunctions second = simulation.recordTwoTime(TwoTimeGrid.of(2));
        for (int i = 0; i <= 2; i++) {
            for (int j = 0; j <= i; j++) {
                first.set(TwoTimeFunctions.Function.CORRELATION, i, j, 10 * i + j, 0.5);
                first.set(TwoTimeFunctions.Function.RESPONSE, i, j, i - j, 0);
                second.set(TwoTimeFunctions.Function.CORRELATION, i, j, 10 * i + j + 0.25, 0.125);
            }
        }

        List<String> both = CsvTables.twoTime(first, second).lines().toList();
        List<String> alone = CsvTables.twoTime(null, second).lines().toList();

        assertEquals(List.of("t,s,theory_C,theory_C_mc,theory_R,theory_R_mc,simulation_C,simulation_C_se",
                "0,0,0.0,0.5,0.0,0.0,0.25,0.125", "1,0,10.0,0.5,1.0,0.0,10.25,0.125",
                "1,1,11.0,0.5,0.0,0.0,11.25,0.125", "2,0,20.0,0.5,2.0,0.0,20.25,0.125",
                "2,1,21.0,0.5,1.0,0.0,21.25,0.125", "2,2,22.0,0.5,0.0,0.0,22.25,0.125"), both);
        assertEquals("t,s,simulation_C,simulation_C_se", alone.get(0));
        assertEquals("2,1,21.25,0.125", alone.get(5));
    }
}
