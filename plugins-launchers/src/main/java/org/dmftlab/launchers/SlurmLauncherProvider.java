package org.dmftlab.launchers;

import java.util.List;
import org.dmftlab.core.spi.Launcher;
import org.dmftlab.core.spi.LauncherProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Range;

/**
 * {@code slurm}: runs the tasks as the job arrays of a Slurm cluster whose nodes share the output folder and the
 * distribution (DESIGN.md, "Launchers"; {@link SlurmLauncher}). Empty texts leave an option to the cluster's
 * defaults, so {@code --launcher slurm} alone submits to the default partition.
 */
public final class SlurmLauncherProvider implements LauncherProvider {

    @Override
    public String id() {
        return "slurm";
    }

    @Override
    public String description() {
        return "runs the tasks as one Slurm job array per batch (sbatch --array=0-K%P), watched with squeue and"
                + " scontrol, failed tasks resubmitted";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.text("partition", "", "[A-Za-z0-9_.,-]*",
                        "the partition (sbatch --partition): letters, digits, _ . , -; empty: the cluster's default"),
                Parameter.text("account", "", "[A-Za-z0-9_.-]*",
                        "the account charged (sbatch --account): letters, digits, _ . -; empty: your default"),
                Parameter.text("time-limit", "", "|\\d+(:\\d{1,2}){0,2}|\\d+-\\d{1,2}(:\\d{1,2}){0,2}",
                        "time limit of each task, minutes, H:MM:SS or D-HH:MM:SS (sbatch --time); empty: the"
                                + " partition's"),
                Parameter.integer("cpus-per-task", 1, Range.closed(1, 4096),
                        "cores of each task (sbatch --cpus-per-task)"),
                Parameter.text("memory-per-task", "", "|\\d+[KMGT]?",
                        "memory of each task, for example 4G (sbatch --mem); empty: the partition's default"),
                Parameter.integer("max-parallel", 0, Range.closed(0, 1_000_000),
                        "most tasks of a batch running at once (the P of --array=0-K%P); 0: no limit"),
                Parameter.integer("retries", 2, Range.closed(0, 100),
                        "how many times a failed, timed-out, cancelled or node-failed task is resubmitted"),
                Parameter.text("sbatch-options", "", "\\s*(-[^\\s]+\\s*)*",
                        "further sbatch options, each starting with -, separated by spaces, for example"
                                + " '--qos=low --constraint=avx2'"),
                Parameter.real("poll-seconds", 10, Range.openClosed(0, 3600),
                        "seconds between two looks at the queue (squeue)"));
    }

    @Override
    public Launcher create(PluginConfig config) {
        return new SlurmLauncher(new SlurmLauncher.Options(config.text("partition"), config.text("account"),
                config.text("time-limit"), config.integer("cpus-per-task"), config.text("memory-per-task"),
                config.integer("max-parallel"), List.of(config.text("sbatch-options").strip().split("\\s+"))
                        .stream().filter(option -> !option.isEmpty()).toList()),
                config.integer("retries"), Math.round(config.real("poll-seconds") * 1000));
    }
}
