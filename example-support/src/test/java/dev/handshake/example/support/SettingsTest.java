package dev.handshake.example.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void readsValuesAndDefaultsTreatingBlankAsUnset() {
    Settings settings = Settings.of(Map.of("HTTP_PORT", "8089", "TOPIC", "  ", "POLL_MS", "250"));
    assertThat(settings.port("HTTP_PORT", 1)).isEqualTo(8089);
    assertThat(settings.port("OTHER_PORT", 0)).isZero();
    assertThat(settings.text("TOPIC", "user-events")).isEqualTo("user-events");
    assertThat(settings.millis("POLL_MS", Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void aWrongPortNamesTheVariableAndWhatToSet() {
    Settings settings = Settings.of(Map.of("HTTP_PORT", "http"));
    assertThatThrownBy(() -> settings.port("HTTP_PORT", 0))
        .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("HTTP_PORT"))
        .hasMessage("HTTP_PORT=http is not valid: set it to a port number from 0 to 65535 (0 picks a free port)");
    assertThatThrownBy(() -> Settings.of(Map.of("HTTP_PORT", "70000")).port("HTTP_PORT", 0))
        .hasMessageStartingWith("HTTP_PORT=70000 is not valid");
  }

  @Test
  void aListenAddressThatIsNoAddressNamesHttpHost() {
    for (String host : new String[] {"999.1.1.1", "1.2.3", "256.0.0.1", "no host", "127.0.0.1;rm"}) {
      assertThatThrownBy(() -> Settings.of(Map.of("HTTP_HOST", host)).host("HTTP_HOST", "127.0.0.1"))
          .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo("HTTP_HOST"))
          .hasMessageStartingWith("HTTP_HOST=" + host + " is not valid: set it to an IP address");
    }
    assertThat(Settings.of(Map.of()).host("HTTP_HOST", "127.0.0.1")).isEqualTo("127.0.0.1");
    assertThat(Settings.of(Map.of("HTTP_HOST", "0.0.0.0")).host("HTTP_HOST", "127.0.0.1")).isEqualTo("0.0.0.0");
    assertThat(Settings.of(Map.of("HTTP_HOST", "localhost")).host("HTTP_HOST", "127.0.0.1")).isEqualTo("localhost");
  }

  @Test
  void brokersThatAreNotHostPortNameTheVariable() {
    for (String servers : new String[] {"garbage", "host:", ":9092", "host:99999", "a:9092,,b:9092", "h:x"}) {
      assertThatThrownBy(() -> Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", servers))
          .hostPorts("KAFKA_BOOTSTRAP_SERVERS"))
          .isInstanceOfSatisfying(InvalidSettingException.class,
              e -> assertThat(e.variable()).isEqualTo("KAFKA_BOOTSTRAP_SERVERS"))
          .hasMessageStartingWith("KAFKA_BOOTSTRAP_SERVERS=" + servers + " is not valid");
    }
    assertThat(Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092, broker-2:9093"))
        .hostPorts("KAFKA_BOOTSTRAP_SERVERS")).contains("127.0.0.1:9092, broker-2:9093");
  }

  @Test
  void aUrlThatIsNotHttpNamesTheVariable() {
    for (String url : new String[] {"garbage", "ftp://host", "http://", "http://exa mple"}) {
      assertThatThrownBy(() -> Settings.of(Map.of("USER_SERVICE_URL", url)).httpUrl("USER_SERVICE_URL", "x"))
          .isInstanceOfSatisfying(InvalidSettingException.class,
              e -> assertThat(e.variable()).isEqualTo("USER_SERVICE_URL"));
    }
  }

  @Test
  void aMissingRequiredSettingNamesTheVariable() {
    assertThatThrownBy(() -> Settings.of(Map.of()).required("KAFKA_BOOTSTRAP_SERVERS", "set it to host:port"))
        .hasMessage("KAFKA_BOOTSTRAP_SERVERS is not set: set it to host:port");
  }

  @Test
  void aWrongSettingIsOneLineOnStderrAndExitCodeTwo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = ServiceMain.start("demo-service", env -> {
      Settings.of(env).port("HTTP_PORT", 0);
      throw new AssertionError("the port should have been refused");
    }, Map.of("HTTP_PORT", "-1"), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "demo-service: HTTP_PORT=-1 is not valid: set it to a port number from 0 to 65535 (0 picks a free port)"
            + System.lineSeparator());
  }

  @Test
  void anyOtherStartFailureIsExitCodeOne() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = ServiceMain.start("demo-service", env -> {
      throw new IllegalStateException("disk full");
    }, Map.of(), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("demo-service: could not start: disk full");
  }
}
