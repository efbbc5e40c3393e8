package dev.handshake.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.provider.PactVerifyProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PactVerifyProviderFactoriesTest {

  public static class Factories {
    private final String greeting = "instance";

    @PactVerifyProvider("built on an instance")
    public String onInstance() {
      return greeting;
    }

    @PactVerifyProvider("built statically")
    static byte[] statically() {
      return new byte[] {0, 0, 0, 0, 1};
    }

    @PactVerifyProvider("throws")
    public Object throwing() {
      throw new IllegalStateException("boom");
    }

    @PactVerifyProvider("published on two topics")
    public String onSecondTopic() {
      return "v2";
    }

    @PactVerifyProvider("published on two topics")
    public String onFirstTopic() {
      return "v1";
    }
  }

  private static PactVerifyProviderFactories scanTestClasses() throws Exception {
    Path testClasses = Path.of(Factories.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return PactVerifyProviderFactories.scan(List.of(testClasses), Factories.class.getClassLoader());
  }

  @Test
  void findsAnnotatedMethodsByDescriptionAndCallsThem() throws Exception {
    PactVerifyProviderFactories factories = scanTestClasses();

    EventFactory instance = factories.find("built on an instance").orElseThrow();
    assertThat(instance.source()).isEqualTo(Factories.class.getName() + ".onInstance()");
    assertThat(instance.create()).isEqualTo("instance");
    assertThat((byte[]) factories.find("built statically").orElseThrow().create()).hasSize(5);
    assertThat(factories.find("nobody builds this")).isEmpty();
  }

  @Test
  void rethrowsWhatTheFactoryThrew() throws Exception {
    EventFactory throwing = scanTestClasses().find("throws").orElseThrow();

    assertThatThrownBy(throwing::create).isInstanceOf(IllegalStateException.class).hasMessage("boom");
  }

  @Test
  void keepsEveryMethodOfOneDescriptionInMethodNameOrder() throws Exception {
    List<String> sources = scanTestClasses().all().stream()
        .filter(named -> named.description().equals("published on two topics"))
        .map(named -> named.factory().source()).toList();

    assertThat(sources).containsExactly(Factories.class.getName() + ".onFirstTopic()",
        Factories.class.getName() + ".onSecondTopic()");
  }
}
