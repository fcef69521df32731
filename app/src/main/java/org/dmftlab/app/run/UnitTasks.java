package org.dmftlab.app.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dmftlab.app.experiment.Engine;
import org.dmftlab.app.launch.CommandTasks;
import org.dmftlab.app.output.Checkpoint;
import org.dmftlab.core.problem.Progress;
import org.dmftlab.core.spi.LaunchTask;

/**
 * The units of a run as the tasks of a launcher (DESIGN.md, "Units of a run" and "Launchers"): the task of unit
 * {@code theory-3} is {@code dmftlab run --unit theory-3 --staging STAGING --threads 1} with the command's
 * {@code --plugins}; it replays the run's checkpoint record and saves its unit into the staging folder
 * ({@link Checkpoint}); the unit's file, whole and of the run's fingerprint, is its completion record. Run here by
 * {@link #runHere} or elsewhere by the launcher.
 */
final class UnitTasks extends CommandTasks {

    /** Computes and saves one unit in this JVM. */
    @FunctionalInterface
    interface Computer {
        void compute(Engine engine, int unit);
    }

    private final Checkpoint checkpoint;
    private final int steps;
    private final Computer computer;

    /**
     * @param staging     the run's staging folder, absolute: the tasks' shared folder
     * @param checkpoint  the run's checkpoint, whose unit files are the completion records
     * @param steps       T, to read a unit back
     * @param parallelism units that may run at once in this JVM
     * @param detach      whether the command returns once the units are submitted ({@code --detach})
     * @param computer    computes a unit here
     * @param progress    advanced by one per unit that ends
     * @param log         the launcher's lines and one line per failed unit
     */
    UnitTasks(Path staging, Checkpoint checkpoint, int steps, int parallelism, boolean detach, Computer computer,
              Progress progress, PrintWriter log) {
        super(staging, parallelism, detach, progress, log);
        this.checkpoint = checkpoint;
        this.steps = steps;
        this.computer = computer;
    }

    /**
     * The tasks of the units not yet complete, engine by engine in unit order.
     *
     * @param units   per engine that runs, its number of units
     * @param options the options every task repeats ({@code --plugins}), with absolute paths
     */
    List<LaunchTask> pending(Map<Engine, Integer> units, List<String> options) {
        List<LaunchTask> tasks = new ArrayList<>();
        units.forEach((engine, count) -> {
            for (int unit = 0; unit < count; unit++) {
                LaunchTask task = task(engine, unit, options);
                if (!complete(task)) {
                    tasks.add(task);
                }
            }
        });
        return tasks;
    }

    private LaunchTask task(Engine engine, int unit, List<String> options) {
        String name = Checkpoint.unitName(engine, unit);
        List<String> arguments = new ArrayList<>(List.of("run", "--unit", name, "--staging", folder().toString(),
                "--threads", "1"));
        arguments.addAll(options);
        return new LaunchTask(name, arguments);
    }

    @Override
    public void runHere(LaunchTask task) {
        Checkpoint.Unit unit = Checkpoint.unit(task.name());
        computer.compute(unit.engine(), unit.index());
    }

    @Override
    public boolean complete(LaunchTask task) {
        Checkpoint.Unit unit = Checkpoint.unit(task.name());
        return checkpoint.finished(unit.engine(), unit.index(), steps);
    }

    @Override
    protected String describe(LaunchTask task) {
        return "unit " + task.name();
    }
}
