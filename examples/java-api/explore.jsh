// dmftlab in JShell: a small experiment, run interactively. Started from dmftlab's root by the one-line command of
// README.md ("Use from Java"), which leaves you at the jshell> prompt with experiment and result defined; every
// line below can be typed there as well.
import java.util.Map;
import org.dmftlab.app.api.*;
import org.dmftlab.core.problem.Observable;

Dmftlab lab = Dmftlab.create().withThreads(2);

// SPEC configuration A, small: full-batch gradient descent on the square loss (the theory is exact here).
// (JShell runs a line as soon as it is a complete statement: a chain continues with a dot at the line's end.)
Experiment experiment = lab.experiment("explore").
        alpha(3).ridge(0.5).
        teacher("linear").loss("square").init(0.2, 1.0).
        optimizer("sgd", Map.of("learning-rate", 0.1)).
        steps(20).
        theory().
        simulation(Map.of("dimension", 1000, "seeds", 4)).
        build();

RunResult result = experiment.run();
Series theory = result.theory().orElseThrow();
Series simulation = result.simulation().orElseThrow();

for (int t = 0; t <= theory.steps(); t += 5) {
    System.out.printf("t = %2d   test_error: theory %.4f, simulation %.4f ± %.4f%n", t,
            theory.value(Observable.TEST_ERROR, t), simulation.value(Observable.TEST_ERROR, t),
            simulation.error(Observable.TEST_ERROR, t));
}

// Try: result.comparison()     theory against simulation, per observable (max distance, in combined errors too)
//      result.table().stream().filter(row -> row.step() == 20).forEach(System.out::println)
//      result.toJson()         result.write(java.nio.file.Path.of("runs/explore"))   experiment.configuration()
