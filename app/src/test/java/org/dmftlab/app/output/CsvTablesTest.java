package org.dmftlab.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.dmftlab.core.problem.Observable;
import org.dmftlab.core.problem.Trajectory;
import org.junit.jupiter.api.Test;

class CsvTablesTest {

    @Test
    void trajectoryTableHasTheHeaderOfTheDesignAndOneRowPerStep() {
        Trajectory trajectory = new Trajectory(1);
        for (Observable observable : Observable.values()) {
            trajectory.set(observable, 0, observable.ordinal() + 0.5, 0);
            trajectory.set(observable, 1, -1e-7 * (observable.ordinal() + 1), 0.1 / 3);
        }
        trajectory.set(Observable.TEST_ERROR, 1, 2.0, Double.NaN);

        String[] lines = CsvTables.trajectory(trajectory, "_se").split("\n", -1);

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
            String row = CsvTables.trajectory(trajectory, "_mc").split("\n")[1];
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
}
