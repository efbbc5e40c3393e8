package dev.handshake.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.core.rules.ValuePath.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuePathTest {
  private static final ValuePath ROLE_NAME =
      ValuePath.schema("User", List.of(Step.field("roles"), Step.item(-1), Step.field("name")));

  @Test
  void aSchemaPathRendersFromTheRecordAndAsTheUsageMapAndAPointerName() {
    assertThat(ROLE_NAME.render()).isEqualTo("User.roles[].name");
    assertThat(ROLE_NAME.usagePath()).contains("$.roles[*].name");
    assertThat(ROLE_NAME.jsonPointer()).contains("/roles/-/name");
    ValuePath tags = ValuePath.schema("User", List.of(Step.field("tags"), Step.mapValue()));
    assertThat(tags.render()).isEqualTo("User.tags{}");
    assertThat(tags.usagePath()).contains("$.tags.*");
    assertThat(ValuePath.schema("User", List.of()).usagePath()).contains("$");
  }

  @Test
  void aPactPathReadsBackAsWrittenWithEveryNotation() {
    for (String text : List.of("$", "$.roles[12].name", "$['odd key'].a", "$['it\\'s']", "$.a-b[0][1]")) {
      assertThat(ValuePath.ofPactPath(text).render()).isEqualTo(text);
      assertThat(ValuePath.ofPactPath(text).notation()).isEqualTo(ValuePath.Notation.CONTRACT);
    }
    ValuePath roleName = ValuePath.ofPactPath("$.roles[12].name");
    assertThat(roleName.usagePath()).contains("$.roles[*].name");
    assertThat(roleName.jsonPointer()).contains("/roles/12/name");
    assertThat(ValuePath.ofPactPath("$['a/b~c']").jsonPointer()).contains("/a~1b~0c");
  }

  @Test
  void whatNamesNoValueInTheEventRendersAsGivenAndHasNoFieldInTheMap() {
    for (String text : List.of("key", "header trace-id", "$.labels.x (key)", "$.[", "$[x]")) {
      ValuePath path = ValuePath.ofPactPath(text);
      assertThat(path.render()).isEqualTo(text);
      assertThat(path.usagePath()).isEmpty();
      assertThat(path.jsonPointer()).isEmpty();
    }
    assertThat(ValuePath.NONE.isEmpty()).isTrue();
    assertThat(ValuePath.named("key").isEmpty()).isFalse();
  }
}
