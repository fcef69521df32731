package org.dmftlab.app.api;

import java.util.List;
import org.dmftlab.core.spi.Covariance;
import org.dmftlab.core.spi.CovarianceProvider;
import org.dmftlab.core.spi.Loss;
import org.dmftlab.core.spi.LossProvider;
import org.dmftlab.core.spi.OptimizerProvider;
import org.dmftlab.core.spi.Parameter;
import org.dmftlab.core.spi.PluginConfig;
import org.dmftlab.core.spi.Schedule;
import org.dmftlab.core.spi.ScheduleProvider;
import org.dmftlab.core.spi.Teacher;
import org.dmftlab.core.spi.TeacherProvider;
import org.dmftlab.core.spi.UpdateRule;

/**
 * Providers without parameters for products written in code ({@link ExperimentBuilder#loss(String, Loss)}, …): the
 * registry checks their id like any plugin's, and {@code create} returns the product.
 */
final class InlinePlugins {

    private static final String DESCRIPTION = "written in code, passed to the experiment builder";

    private InlinePlugins() {
    }

    static LossProvider loss(String id, Loss loss) {
        return new LossProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "loss " + DESCRIPTION;
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }

            @Override
            public Loss create(PluginConfig config) {
                return loss;
            }
        };
    }

    static TeacherProvider teacher(String id, Teacher teacher) {
        return new TeacherProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "teacher " + DESCRIPTION;
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }

            @Override
            public Teacher create(PluginConfig config) {
                return teacher;
            }
        };
    }

    static CovarianceProvider covariance(String id, Covariance covariance) {
        return new CovarianceProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "covariance " + DESCRIPTION;
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }

            @Override
            public Covariance create(PluginConfig config) {
                return covariance;
            }
        };
    }

    static OptimizerProvider optimizer(String id, UpdateRule rule) {
        return new OptimizerProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "update rule " + DESCRIPTION;
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }

            @Override
            public UpdateRule create(PluginConfig config) {
                return rule;
            }
        };
    }

    static ScheduleProvider schedule(String id, Schedule schedule) {
        return new ScheduleProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "schedule " + DESCRIPTION;
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }

            @Override
            public Schedule create(PluginConfig config) {
                return schedule;
            }
        };
    }
}
