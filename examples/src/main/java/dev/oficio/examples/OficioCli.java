package dev.oficio.examples;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The examples runner: {@code java -jar examples/target/oficio-examples.jar <command>}. Each
 * subcommand is a small, scriptable tool over Oficio; {@code --help} on any of them explains it.
 */
@Command(
    name = "oficio-examples",
    mixinStandardHelpOptions = true,
    version = "Oficio examples 0.1.0-SNAPSHOT",
    description = "Runs Oficio's example marketplace scenario and small CLI tools.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      FeesCommand.class,
      SimulateCommand.class
    })
public final class OficioCli {

  private OficioCli() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line on standard output and returns its exit status. */
  public static int run(String... args) {
    return run(
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        args);
  }

  /** Runs the command line writing to {@code out} and {@code err} (for tests and embedding). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new OficioCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          return 1;
        });
    return cli.execute(args);
  }
}
