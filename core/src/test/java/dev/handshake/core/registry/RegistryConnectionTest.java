package dev.handshake.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryConnectionTest {

  @Test
  void blankUrlsAreNoRegistryAndTheRefusalNamesTheSetting() {
    RegistryConnection none = connection(Arrays.asList(" ", null, ""), 30);

    assertThat(none.hasUrls()).isFalse();
    assertThatThrownBy(none::connect).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("<schemaRegistryUrls> names no registry URL");
  }

  @Test
  void aTimeoutBelowOneSecondIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> connection(List.of("http://localhost:8081"), 0).connect())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("<registryTimeoutSeconds> must be a positive number of seconds, got 0");
  }

  @Test
  void goodSettingsGiveTheRestClientForTheUrlsGiven() {
    RegistryConnection connection = connection(List.of(" ", "http://localhost:8081"), 5);

    assertThat(connection.urls()).containsExactly("http://localhost:8081");
    assertThat(connection.connect()).isInstanceOf(RestSchemaRegistry.class);
  }

  private static RegistryConnection connection(List<String> urls, int timeoutSeconds) {
    return new RegistryConnection(urls, "<schemaRegistryUrls>", null, "<userInfoConfig>", null, "<bearerAuthToken>",
        timeoutSeconds, "<registryTimeoutSeconds>");
  }
}
