package org.dmftlab.app.experiment;

import java.util.List;
import java.util.regex.Pattern;
import org.dmftlab.app.errors.CliError;
import org.dmftlab.core.spi.InvalidInputException;

/**
 * One {@code --set key=value} of {@code dmftlab run}: a dotted key of the experiment file and the YAML text of its
 * new value (a scalar such as {@code 2} or {@code nesterov}, or a flow block such as {@code {id: nesterov}}).
 * Overrides are applied to the file's tree before validation, so they are checked like the file itself.
 *
 * @param key   dotted key, e.g. {@code problem.alpha}
 * @param value YAML text of the value, e.g. {@code 2}
 */
public record KeyOverride(String key, String value) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    /**
     * Parses {@code key=value}.
     *
     * @throws InvalidInputException {@code cli/bad-override} when there is no '=' or the key is malformed
     */
    public static KeyOverride parse(String argument) {
        int equals = argument.indexOf('=');
        if (equals < 0) {
            throw new InvalidInputException(CliError.BAD_OVERRIDE, "--set", argument,
                    "expected KEY=VALUE, for example --set problem.alpha=2 (there is no '=')");
        }
        String key = argument.substring(0, equals).trim();
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException(CliError.BAD_OVERRIDE, "--set", argument, "expected KEY=VALUE with a dotted"
                    + " key of the experiment file, for example --set problem.alpha=2");
        }
        return new KeyOverride(key, argument.substring(equals + 1));
    }

    /** The keys, in order: {@code problem.alpha} → [problem, alpha]. */
    String[] segments() {
        return key.split("\\.");
    }

    /**
     * Whether an error about {@code otherKey} may stem from this override: {@code otherKey} is this key, lies inside
     * it, or is a block this override sets a key inside (a schedule block checked as a whole, say).
     */
    boolean covers(String otherKey) {
        return otherKey != null && (otherKey.equals(key) || otherKey.startsWith(key + ".")
                || key.startsWith(otherKey + "."));
    }

    /**
     * Where an error about {@code key} comes from: the file, plus the last override that set the key (it is what the
     * person should fix), for example {@code a.yaml (--set steps=100)}.
     */
    public static String source(String key, String file, List<KeyOverride> overrides) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            if (overrides.get(i).covers(key)) {
                return file + " (--set " + overrides.get(i) + ")";
            }
        }
        return file;
    }

    /** As given on the command line. */
    @Override
    public String toString() {
        return key + "=" + value;
    }
}
