package org.dmftlab.launchers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the slurm launcher reads {@code scontrol --oneliner show job JOB}, on records as Slurm 22.05 prints them
 * (scripts/README.md): one line per finished or running task, one shared line for the pending rest of a throttled
 * array; and what a failure report says.
 */
class SlurmRecordsTest {

    private static final String SHOWN = """
            JobId=12 ArrayJobId=12 ArrayTaskId=3-5%2 ArrayTaskThrottle=2 JobName=dmftlab JobState=PENDING \
            Reason=JobArrayTaskLimit Dependency=(null) ExitCode=0:0 RunTime=00:00:00
            JobId=15 ArrayJobId=12 ArrayTaskId=2 JobName=dmftlab JobState=RUNNING Reason=None ExitCode=0:0
            JobId=14 ArrayJobId=12 ArrayTaskId=1 JobName=dmftlab JobState=FAILED Reason=NonZeroExitCode \
            Dependency=(null) ExitCode=1:0
            JobId=13 ArrayJobId=12 ArrayTaskId=0 JobName=dmftlab JobState=CANCELLED Reason=None ExitCode=0:15
            """;

    @Test
    void everySingleTaskRecordIsReadAndThePendingRangeIsLeftOut() {
        Map<Integer, SlurmLauncher.Ended> records = SlurmLauncher.records(SHOWN);

        assertEquals(List.of(0, 1, 2), List.copyOf(records.keySet()));
        assertEquals(new SlurmLauncher.Ended("CANCELLED", "None", "0:15"), records.get(0));
        assertEquals(new SlurmLauncher.Ended("FAILED", "NonZeroExitCode", "1:0"), records.get(1));
        assertEquals("RUNNING", records.get(2).state());
    }

    @Test
    void aFailureSaysTheStateTheReasonAndTheExitCode() {
        assertEquals("FAILED (NonZeroExitCode), exit code 1:0",
                new SlurmLauncher.Ended("FAILED", "NonZeroExitCode", "1:0").describe());
        assertEquals("CANCELLED, exit code 0:15", new SlurmLauncher.Ended("CANCELLED", "None", "0:15").describe());
        assertEquals("COMPLETED, exit code 0:0, without its completion record",
                new SlurmLauncher.Ended("COMPLETED", "None", "0:0").describe());
        assertEquals("has no record left in Slurm (cancelled before it started, or forgotten after MinJobAge)",
                new SlurmLauncher.Ended("", "", "").describe());
    }

    @Test
    void theArrayIsThrottledOnlyWhenAskedTo() {
        SlurmLauncher.Options free = new SlurmLauncher.Options("", "", "", 1, "", 0, List.of());
        SlurmLauncher.Options throttled = new SlurmLauncher.Options("short", "", "30", 2, "4G", 3, List.of("--qos=low"));

        assertEquals("--array=0-5", free.array(6));
        assertEquals("--array=0-5%3", throttled.array(6));
        assertEquals(List.of("--cpus-per-task=1"), List.copyOf(free.byKey().values()));
        assertEquals(List.of("--partition=short", "--time=30", "--cpus-per-task=2", "--mem=4G"),
                List.copyOf(throttled.byKey().values()));
    }
}
