package dev.oficio.examples;

import dev.oficio.deposits.Adjudication;
import dev.oficio.deposits.DepositPolicy;
import dev.oficio.deposits.DepositSettlement;
import dev.oficio.deposits.Evidence;
import dev.oficio.deposits.NoShowPlaybook;
import dev.oficio.jackson.DepositCaseJson;
import dev.oficio.jackson.DepositPolicyJson;
import dev.oficio.shared.BusinessCalendar;
import dev.oficio.shared.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Deposit tools for support staff. */
@Command(
    name = "deposits",
    mixinStandardHelpOptions = true,
    description = "Estimate deposit tools.",
    subcommands = {DepositsCommand.Playbook.class})
final class DepositsCommand {

  /** Runs the no-show playbook on one recorded case. */
  @Command(
      name = "playbook",
      mixinStandardHelpOptions = true,
      description =
          "Runs the no-show playbook on one recorded case and prints the decision with its"
              + " explanation. Exit status 2 if the policy or the case is invalid.")
  static final class Playbook implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--policy", required = true, description = "Deposit policy JSON file.")
    Path policy;

    @Option(names = "--case", required = true, description = "Recorded case JSON file.")
    Path caseFile;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      DepositPolicy parsedPolicy;
      DepositCaseJson.DepositCase recorded;
      try {
        parsedPolicy = DepositPolicyJson.read(Files.readString(policy, StandardCharsets.UTF_8));
      } catch (ValidationException e) {
        e.violations().forEach(v -> err.println("policy " + v));
        err.flush();
        return 2;
      }
      try {
        recorded = DepositCaseJson.read(Files.readString(caseFile, StandardCharsets.UTF_8));
      } catch (ValidationException e) {
        e.violations().forEach(v -> err.println("case " + v));
        err.flush();
        return 2;
      }
      NoShowPlaybook playbook = new NoShowPlaybook(parsedPolicy, BusinessCalendar.puertoRico());
      Adjudication decision =
          playbook.adjudicate(recorded.appointment(), recorded.decideAt(), recorded.followUpJob());
      if (json) {
        out.println(toJson(decision));
      } else {
        out.println("Appointment " + recorded.appointment().id() + ": " + decision.party());
        out.println("rule: " + decision.rule());
        out.println(decision.explanation());
        out.println("evidence:");
        for (Evidence e : decision.evidence()) {
          out.println("  " + e.name() + ": " + e.value());
        }
        if (decision.settlement() != null) {
          DepositSettlement s = decision.settlement();
          out.println(
              "deposit: pro "
                  + s.proShare()
                  + ", platform "
                  + s.platformShare()
                  + ", refund "
                  + s.refund()
                  + ", applied "
                  + s.applied()
                  + ", customer credit "
                  + s.customerCredit());
        }
      }
      out.flush();
      return 0;
    }
  }

  private DepositsCommand() {}

  /** The decision as one JSON object: amounts as decimal strings. */
  static String toJson(Adjudication decision) {
    ObjectNode root = ExampleJson.object();
    root.put("party", decision.party().name());
    root.put("rule", decision.rule());
    root.put("explanation", decision.explanation());
    ArrayNode evidence = root.putArray("evidence");
    for (Evidence e : decision.evidence()) {
      evidence.addObject().put("name", e.name()).put("value", e.value());
    }
    if (decision.settlement() != null) {
      root.set("settlement", ExampleJson.settlement(decision.settlement()));
    } else {
      root.putNull("settlement");
    }
    root.put(
        "reviewDeadline",
        decision.reviewDeadline() == null ? null : decision.reviewDeadline().toString());
    root.put(
        "creditWindowEnds",
        decision.creditWindowEnds() == null ? null : decision.creditWindowEnds().toString());
    return ExampleJson.write(root);
  }
}
