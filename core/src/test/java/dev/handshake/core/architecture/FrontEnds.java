package dev.handshake.core.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The front ends over core, each its own module: none imports another, so each only adapts core. Each front
 * end's {@code FrontEndBoundaryTest} checks its own classes with {@link #usesNoOtherFrontEnd} (this class reaches
 * them through core's test jar): a module sees only its own classes and what it depends on, and the rule is
 * about names, so it holds whether or not the other front ends are on the class path.
 */
public final class FrontEnds {
  /** cli, maven-plugin, kafka, junit5 and the embedded registry. */
  private static final List<String> PACKAGES = List.of(
      "dev.handshake.cli", "dev.handshake.maven", "dev.handshake.kafka", "dev.handshake.junit5",
      "dev.handshake.registry");

  /** The one use allowed (with its nested types): {@code handshake registry serve} starts the embedded registry. */
  private static final String REGISTRY_SERVER = "dev.handshake.registry.RegistryServer";

  private FrontEnds() {
  }

  static String[] packages() {
    return PACKAGES.stream().map(p -> p + "..").toArray(String[]::new);
  }

  /** The rule for the front end in {@code ownPackage}: it imports no class of another front end. */
  public static ArchRule usesNoOtherFrontEnd(String ownPackage) {
    String[] others = PACKAGES.stream().filter(p -> !p.equals(ownPackage)).map(p -> p + "..")
        .toArray(String[]::new);
    return noClasses().that().resideInAPackage(ownPackage + "..")
        .should().dependOnClassesThat(resideInAnyPackage(others)
            .and(not(nameMatching(Pattern.quote(REGISTRY_SERVER) + "(\\$.*)?"))))
        .because("front ends only adapt core (" + REGISTRY_SERVER + " is the one exception: `handshake registry"
            + " serve` runs the embedded registry)");
  }
}
