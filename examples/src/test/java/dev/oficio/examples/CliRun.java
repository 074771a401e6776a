package dev.oficio.examples;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the examples runner in-process, as the tests see it: exit status, standard output and
 * standard error.
 */
record CliRun(int status, String out, String err) {

  /** Runs {@code oficio-examples} with {@code args}. */
  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = OficioCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(status, out.toString(), err.toString());
  }
}
