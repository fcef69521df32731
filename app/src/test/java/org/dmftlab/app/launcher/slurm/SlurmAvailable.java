package org.dmftlab.app.launcher.slurm;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test only where a real Slurm answers with a usable node: {@code @ExtendWith(SlurmAvailable.class)} on every
 * test that submits jobs. Where none answers the test is skipped with a message that says how to start one
 * ({@code scripts/slurm-single-node.sh start}, scripts/README.md), unless the environment variable
 * {@value #REQUIRED} is set (to anything but {@code 0}): then it fails, so that CI, which starts the single-node
 * Slurm and sets the variable, can never pass by skipping. {@code sinfo} is asked once per test run.
 */
public final class SlurmAvailable implements ExecutionCondition {

    /** The environment variable that forbids skipping: set by {@code .ci/run}. */
    public static final String REQUIRED = "DMFTLAB_SLURM_REQUIRED";

    /** Node states ({@code sinfo %t}) with a free core: a test's tasks start without waiting for other jobs. */
    private static final Set<String> USABLE = Set.of("idle", "mix");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SlurmAvailable.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Optional<String> absence = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("absence", key -> probe(), Optional.class);
        return decide(absence, System.getenv(REQUIRED));
    }

    /**
     * The decision: run where Slurm answers; otherwise skip, or fail when {@code required} (the value of
     * {@value #REQUIRED}) is set.
     *
     * @param absence why no usable Slurm answers here; empty when one does
     * @throws IllegalStateException when Slurm is absent but required
     */
    static ConditionEvaluationResult decide(Optional<String> absence, String required) {
        if (absence.isEmpty()) {
            return ConditionEvaluationResult.enabled("Slurm answers with a usable node");
        }
        String message = "no Slurm here (" + absence.get() + "): start it with scripts/slurm-single-node.sh start";
        if (required != null && !required.isEmpty() && !required.equals("0")) {
            throw new IllegalStateException(REQUIRED + "=" + required + " but " + message);
        }
        return ConditionEvaluationResult.disabled(message);
    }

    /** Why {@code sinfo} shows no usable node; empty when it does. */
    static Optional<String> probe() {
        SlurmCommand.Result sinfo;
        try {
            sinfo = SlurmCommand.run("sinfo", "--noheader", "--Node", "--format=%t");
        } catch (IOException e) {
            return Optional.of("sinfo: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while asking sinfo");
        }
        if (sinfo.exitCode() != 0) {
            // sinfo's last line is its verdict ("fatal: Could not establish a configuration source", ...).
            List<String> said = sinfo.err().strip().lines().toList();
            return Optional.of("sinfo exit " + sinfo.exitCode() + (said.isEmpty() ? "" : ": " + said.get(said.size() - 1)));
        }
        return unusable(sinfo.out());
    }

    /** Why the node states that {@code sinfo --Node --format=%t} printed offer no usable node; empty when they do. */
    static Optional<String> unusable(String states) {
        List<String> nodes = states.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (nodes.stream().anyMatch(USABLE::contains)) {
            return Optional.empty();
        }
        return Optional.of(nodes.isEmpty() ? "sinfo lists no node" : "no idle node; sinfo says " + String.join(", ", nodes));
    }
}
