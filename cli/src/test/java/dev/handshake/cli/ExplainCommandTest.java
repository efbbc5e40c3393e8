package dev.handshake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplainCommandTest {

  @Test
  void printsTheRulesPageFromInsideTheJar() {
    RegistryCommandsTest.Result result = RegistryCommandsTest.run("explain", "FIELD_REMOVED_WITHOUT_DEFAULT");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("# FIELD_REMOVED_WITHOUT_DEFAULT\n");
  }

  @Test
  void anUnknownRuleExitsTwoNamingTheClosestIds() {
    RegistryCommandsTest.Result result = RegistryCommandsTest.run("explain", "FIELD_REMOVED");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("no rule \"FIELD_REMOVED\"").contains("FIELD_REMOVED_WITHOUT_DEFAULT");
  }
}
