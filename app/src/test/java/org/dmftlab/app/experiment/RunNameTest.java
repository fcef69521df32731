package org.dmftlab.app.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import org.dmftlab.core.spi.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The name rule of experiments and sweeps (issue 12, defect 9): letters of any script, defaults from file names. */
class RunNameTest {

    @Test
    void aFileWithoutANameIsNamedFromItsFileNameKeepingLettersOfAnyScript() {
        assertEquals("my-exp", RunName.of(null, Path.of("my exp.yaml"), "experiment"));
        assertEquals("résumé", RunName.of(null, Path.of("résumé.yaml"), "experiment"));
        assertEquals("実験-α2", RunName.of(null, Path.of("dir/実験 (α2).yaml"), "experiment"));
        assertEquals("sgd_b0.5", RunName.of(null, Path.of("sgd_b0.5.yaml"), "experiment"));
        assertEquals("experiment", RunName.of(null, Path.of("+++.yaml"), "experiment"), "no letter or digit at all");
    }

    @Test
    void twoSpellingsOfTheSameLetterAreOneName() {
        String decomposed = Normalizer.normalize("résumé", Normalizer.Form.NFD);

        assertEquals("résumé", RunName.of(null, Path.of(decomposed + ".yaml"), "experiment"));
        assertEquals("résumé", RunName.of(decomposed, Path.of("x.yaml"), "experiment"));
    }

    @Test
    void aGivenNameKeepsTheRuleAndNamesTheKeyWhenItBreaksIt() {
        assertEquals("α-sweep", RunName.of("α-sweep", Path.of("x.yaml"), "sweep"));
        assertEquals("実", RunName.of("実", Path.of("x.yaml"), "sweep"));

        for (String bad : new String[] {"a/b", "../up", ".hidden", "two words", "", "a".repeat(201)}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> RunName.of(bad, Path.of("x.yaml"), "sweep"), bad);
            assertEquals("config/out-of-range", refused.code());
            assertEquals("name", refused.key());
        }
    }

    @Test
    void aLongFileNameIsCutToTheLimitWithoutSplittingACharacter() {
        String name = RunName.of(null, Path.of("𝔸".repeat(100) + ".yaml"), "experiment");

        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= RunName.MAX_BYTES, name);
        assertEquals("𝔸".repeat(RunName.MAX_BYTES / 4), name);
    }
}
