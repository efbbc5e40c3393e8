package dev.handshake.registry;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The registry's layers point one way: the entry point ({@link RegistryServer}) wires the HTTP adapter, which
 * calls the API (Confluent's semantics), which calls the store (log, replay, compaction, state); the JSON codec
 * is beneath both the API and the store. A reversed or sideways dependency fails here, not in review.
 */
@AnalyzeClasses(packages = "dev.handshake.registry", importOptions = ImportOption.DoNotIncludeTests.class)
class RegistryLayersTest {
  @ArchTest
  static final ArchRule LAYERS_POINT_ONE_WAY = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .layer("Entry").definedBy("dev.handshake.registry")
      .layer("Http").definedBy("dev.handshake.registry.http..")
      .layer("Api").definedBy("dev.handshake.registry.api..")
      .layer("Store").definedBy("dev.handshake.registry.store..")
      .layer("Json").definedBy("dev.handshake.registry.json..")
      .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
      .whereLayer("Http").mayOnlyBeAccessedByLayers("Entry")
      .whereLayer("Api").mayOnlyBeAccessedByLayers("Http", "Entry")
      .whereLayer("Store").mayOnlyBeAccessedByLayers("Api")
      .whereLayer("Json").mayOnlyBeAccessedByLayers("Api", "Store")
      .whereLayer("Json").mayNotAccessAnyLayer();

  @ArchTest
  static final ArchRule NO_CYCLES = slices().matching("dev.handshake.registry.(*)..").should().beFreeOfCycles();
}
