/**
 * The error codes of the command-line program, one enum per area: {@link org.dmftlab.app.errors.CliError},
 * {@link org.dmftlab.app.errors.ReplayError}, {@link org.dmftlab.app.errors.SweepError},
 * {@link org.dmftlab.app.errors.OutputError}. Core's areas have theirs next to the code that raises them; every code
 * is documented in docs/plugin-guide.md §9.
 */
package org.dmftlab.app.errors;
