/**
 * The {@code skydas} command (picocli): one class per subcommand, each parsing options, calling the module that does
 * the work and turning bad input into one line {@code skydas: …} and exit code 2 ({@code UserError}). Owns the wiring
 * of a running server ({@code ServeCommand}, {@code Feeds}, {@code Security}, {@code TerrainFiles}) and of the simulator
 * against it ({@code SimulationDriver}, {@code SimRoutes}, {@code JournalRecorder}); no domain logic lives here.
 */
package org.skydas.cli;
