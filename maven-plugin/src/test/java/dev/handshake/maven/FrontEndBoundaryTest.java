package dev.handshake.maven;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.handshake.core.architecture.FrontEnds;

/** This front end only adapts core: it imports no other front end (the rule and its one exception: FrontEnds). */
@AnalyzeClasses(packages = "dev.handshake.maven", importOptions = ImportOption.DoNotIncludeTests.class)
class FrontEndBoundaryTest {
  @ArchTest
  static final ArchRule usesNoOtherFrontEnd = FrontEnds.usesNoOtherFrontEnd("dev.handshake.maven");
}
