/**
 * The standard schedules of SPEC §2.2, which vary an optimizer parameter (learning rate, momentum, batch
 * fraction) over the steps: {@code constant}, {@code step}, {@code cosine}, {@code inverse-time} and
 * {@code warmup}. Exports nothing: the providers are found with {@link java.util.ServiceLoader}.
 */
module org.dmftlab.schedules {
    requires org.dmftlab.core;

    provides org.dmftlab.core.spi.ScheduleProvider with
            org.dmftlab.schedules.ConstantScheduleProvider,
            org.dmftlab.schedules.StepScheduleProvider,
            org.dmftlab.schedules.CosineScheduleProvider,
            org.dmftlab.schedules.InverseTimeScheduleProvider,
            org.dmftlab.schedules.WarmupScheduleProvider;
}
