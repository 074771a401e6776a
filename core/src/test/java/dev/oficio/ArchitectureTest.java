package dev.oficio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;

/** The dependency rules of ARCHITECTURE.md, checked on core's production classes. */
@AnalyzeClasses(packages = "dev.oficio", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreImportsOnlyTheJdkValidationAndLogging =
      classes()
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "jakarta.validation..", "org.slf4j..", "dev.oficio..")
          .because("core is a pure domain library (ARCHITECTURE.md, Modules)");

  @ArchTest
  static final ArchRule coreNeverUsesJdbcOrHttp =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "javax.sql..", "java.net.http..")
          .because("persistence and HTTP belong to adapters");

  @ArchTest
  static final ArchRule feesAndReliabilityArePure =
      classes()
          .that()
          .resideInAnyPackage("dev.oficio.fees..", "dev.oficio.reliability..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..", "dev.oficio.shared..", "dev.oficio.fees..", "dev.oficio.reliability..")
          .allowEmptyShould(true)
          .because("the fee resolver and the reliability scorer are pure functions");

  @ArchTest
  static final ArchRule reliabilityTakesTimeAsAnArgument =
      noClasses()
          .that()
          .resideInAPackage("dev.oficio.reliability..")
          .should()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(Clock.class)
          .because("reliability reads time only from its arguments (Instant at)");

  @ArchTest
  static final ArchRule noCyclesBetweenContexts =
      slices().matching("dev.oficio.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule internalPackagesStayInsideTheirContext =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.oficio.fees..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.oficio.fees.internal..")
          .allowEmptyShould(true);
}
