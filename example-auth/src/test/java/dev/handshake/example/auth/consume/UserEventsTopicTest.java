package dev.handshake.example.auth.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserEventsTopicTest {

  @Test
  void aTopicWithoutAVersionSuffixCarriesVersionOneOfItsOwnStream() {
    assertThat(UserEventsTopic.of("user-events")).isEqualTo(new UserEventsTopic("user-events", "user-events", 1));
  }

  @Test
  void theV2TopicSharesTheStreamOfVersionOne() {
    assertThat(UserEventsTopic.of("user-events.v2"))
        .isEqualTo(new UserEventsTopic("user-events.v2", "user-events", 2));
  }

  @Test
  void aVersionAuthHasNoReadersForIsRefusedNamingTheVersionsItReads() {
    assertThatThrownBy(() -> UserEventsTopic.of("user-events.v3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 3")
        .hasMessageContaining("user-events.v2 for version 2");
    assertThatThrownBy(() -> UserEventsTopic.of("user-events.v0")).hasMessageContaining("version 0");
  }

  @Test
  void aHugeVersionNumberIsNotAVersionSuffix() {
    assertThat(UserEventsTopic.of("user-events.v99999999999").version()).isEqualTo(1);
  }
}
