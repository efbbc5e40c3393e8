package dev.handshake.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectFileNamesTest {

  @Test
  void encodesAsConfluentsPluginAndDecodesBack() {
    assertThat(SubjectFileNames.encode("orders/v1-value")).isEqualTo("orders_x2Fv1-value");
    assertThat(SubjectFileNames.encode("dev.example.User")).isEqualTo("dev.example.User");
    assertThat(SubjectFileNames.encode("..")).isEqualTo("_x2E_x2E");
    for (String subject : new String[] {"orders/v1-value", "a b", "ü:x", "..", "users-value"}) {
      assertThat(SubjectFileNames.decode(SubjectFileNames.encode(subject))).isEqualTo(subject);
    }
  }

  @Test
  void aDirectoryNameThatEncodesNothingIsTheSubjectItself() {
    assertThat(SubjectFileNames.decode("my_xyz")).isEqualTo("my_xyz");
    assertThat(SubjectFileNames.decode("a_x2")).isEqualTo("a_x2");
  }
}
