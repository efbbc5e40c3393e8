package dev.handshake.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.handshake.core.report.Finding;
import dev.handshake.core.rules.Facts;
import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.Severity;
import dev.handshake.core.rules.ValuePath;
import dev.handshake.core.source.Location;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Core's packages point one way: each may use only the packages below it in {@link #BOTTOM_UP}, so no two
 * packages need each other and a package can be read knowing only what is below it.
 */
class PackageDirectionTest {
  private static final String CORE = "dev.handshake.core";

  /** Core's packages, lowest first: a package may import the ones before it, never one after it. */
  static final List<String> BOTTOM_UP = List.of(
      "source",   // files' text and positions (Location, SourcePositions)
      "rules",    // the rule catalogue and the facts a handler returns
      "avro",     // the JSON view and the wire format
      "report",   // findings and the report writers
      "schema",   // .avsc files parsed, with their positions
      "contract", // Pact message contracts read and matched
      "compat",   // the compatibility engine
      "files",    // paths as the project shows them, contract files found
      "registry", // the registry client and its exceptions
      "history",  // the offline store: schemas/history as a registry
      "gate",     // the producer gate's steps
      "usage",    // the field-usage map and its writers
      "deploy",   // environments and what is deployed
      "tasks");   // what every goal and command runs

  private static final JavaClasses CORE_CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(CORE);

  @Test
  void noPackageCycles() {
    slices().matching(CORE + ".(*)..").should().beFreeOfCycles().check(CORE_CLASSES);
  }

  @Test
  void everyPackageUsesOnlyThePackagesBelowIt() {
    for (int i = 0; i < BOTTOM_UP.size() - 1; i++) {
      String[] above = BOTTOM_UP.subList(i + 1, BOTTOM_UP.size()).stream().map(p -> CORE + "." + p + "..")
          .toArray(String[]::new);
      noClasses().that().resideInAPackage(CORE + "." + BOTTOM_UP.get(i) + "..")
          .should().dependOnClassesThat().resideInAnyPackage(above)
          .because(BOTTOM_UP.get(i) + " is below " + String.join(", ", BOTTOM_UP.subList(i + 1, BOTTOM_UP.size())))
          .check(CORE_CLASSES);
    }
  }

  @Test
  void everyPackageHasItsPlaceInTheOrder() {
    Set<String> packages = new TreeSet<>();
    for (JavaClass type : CORE_CLASSES) {
      String name = type.getPackageName();
      if (name.startsWith(CORE + ".")) {
        packages.add(name.substring(CORE.length() + 1).split("\\.")[0]);
      }
    }
    assertThat(packages).as("a new package goes into BOTTOM_UP where it belongs")
        .containsExactlyInAnyOrderElementsOf(BOTTOM_UP);
  }

  @Test
  void findingsAreMadeByFindingOfOnly() {
    noClasses().that().doNotBelongToAnyOf(Finding.class)
        .should().callConstructor(Finding.class, Rule.class, Severity.class, Location.class, String.class,
            String.class, ValuePath.class, Facts.class)
        .because("Finding.of is the one place a finding is made; copies are made by its with... methods")
        .check(CORE_CLASSES);
  }

  @Test
  void coreUsesNoFrontEnd() {
    noClasses().that().resideInAPackage(CORE + "..")
        .should().dependOnClassesThat().resideInAnyPackage(FrontEnds.packages())
        .because("core is the library every front end adapts; it knows none of them")
        .check(CORE_CLASSES);
  }
}
