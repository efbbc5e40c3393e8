package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handshake.kafka.DeadLetterHeaders.FailedPart;
import dev.handshake.kafka.DeadLetterHeaders.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Spring Kafka's dead-letter header names and byte encodings, as DeadLetterPublishingRecoverer writes them. */
class DeadLetterHeadersTest {
  private static final Origin ORIGIN = new Origin("user-events", 3, 0x1_0000_0002L, 1_700_000_000_123L,
      TimestampType.LOG_APPEND_TIME, "auth-service");

  @Test
  void originalHeadersComeFirstByteForByteThenSpringsHeadersInSpringsEncodings() {
    List<Header> original = List.of(new RecordHeader("trace", new byte[] {(byte) 0xff, 0, 7}),
        new RecordHeader("trace", new byte[] {1}), new RecordHeader("empty", null));
    Throwable failure = new UncheckedIOException("decode failed", new IOException("eof"));

    Headers headers = DeadLetterHeaders.of(original, ORIGIN, FailedPart.VALUE, failure, "decode failed");

    List<String> names = new ArrayList<>();
    headers.forEach(header -> names.add(header.key()));
    assertThat(names).containsExactly("trace", "trace", "empty", "kafka_dlt-original-topic",
        "kafka_dlt-original-partition", "kafka_dlt-original-offset", "kafka_dlt-original-timestamp",
        "kafka_dlt-original-timestamp-type", "kafka_dlt-original-consumer-group", "kafka_dlt-exception-fqcn",
        "kafka_dlt-exception-cause-fqcn", "kafka_dlt-exception-message");
    Header[] traces = headers.toArray();
    assertThat(traces[0].value()).containsExactly(0xff, 0, 7);
    assertThat(traces[1].value()).containsExactly(1);
    assertThat(traces[2].value()).isNull();
    assertThat(value(headers, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(utf8("user-events"));
    assertThat(value(headers, DeadLetterHeaders.ORIGINAL_PARTITION)).containsExactly(0, 0, 0, 3);
    assertThat(value(headers, DeadLetterHeaders.ORIGINAL_OFFSET)).containsExactly(0, 0, 0, 1, 0, 0, 0, 2);
    assertThat(value(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP))
        .containsExactly(0, 0, 0x01, 0x8b, 0xcf, 0xe5, 0x68, 0x7b);
    assertThat(value(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP_TYPE)).isEqualTo(utf8("LogAppendTime"));
    assertThat(value(headers, DeadLetterHeaders.ORIGINAL_CONSUMER_GROUP)).isEqualTo(utf8("auth-service"));
    assertThat(value(headers, DeadLetterHeaders.EXCEPTION_FQCN))
        .isEqualTo(utf8(UncheckedIOException.class.getName()));
    assertThat(value(headers, DeadLetterHeaders.EXCEPTION_CAUSE_FQCN)).isEqualTo(utf8(IOException.class.getName()));
    assertThat(value(headers, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo(utf8("decode failed"));
  }

  @Test
  void aKeyFailureGoesUnderSpringsKeyExceptionNamesAndAbsentGroupOrMessageAreLeftOut() {
    Origin noGroup = new Origin("user-events", 0, 5, -1, TimestampType.CREATE_TIME, null);

    Headers withoutMessage = DeadLetterHeaders.of(List.of(), noGroup, FailedPart.KEY, new IllegalStateException(),
        null);
    Headers withMessage = DeadLetterHeaders.of(List.of(), noGroup, FailedPart.KEY, new IllegalStateException(),
        "bad key");

    assertThat(withoutMessage.lastHeader(DeadLetterHeaders.ORIGINAL_CONSUMER_GROUP)).isNull();
    assertThat(withoutMessage.lastHeader(DeadLetterHeaders.EXCEPTION_FQCN)).isNull();
    assertThat(withoutMessage.lastHeader(DeadLetterHeaders.KEY_EXCEPTION_MESSAGE)).isNull();
    assertThat(value(withoutMessage, DeadLetterHeaders.KEY_EXCEPTION_FQCN))
        .isEqualTo(utf8(IllegalStateException.class.getName()));
    assertThat(value(withoutMessage, DeadLetterHeaders.ORIGINAL_TIMESTAMP_TYPE)).isEqualTo(utf8("CreateTime"));
    assertThat(value(withoutMessage, DeadLetterHeaders.ORIGINAL_TIMESTAMP)).containsExactly(
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
    assertThat(value(withMessage, DeadLetterHeaders.KEY_EXCEPTION_MESSAGE)).isEqualTo(utf8("bad key"));
    assertThat(withMessage.lastHeader(DeadLetterHeaders.EXCEPTION_MESSAGE)).isNull();
  }

  private static byte[] value(Headers headers, String name) {
    assertThat(headers.lastHeader(name)).as(name).isNotNull();
    return headers.lastHeader(name).value();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
