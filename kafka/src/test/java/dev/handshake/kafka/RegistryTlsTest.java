package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.registry.RegistryServer;
import dev.handshake.testsupport.TestCertificates;
import dev.handshake.testsupport.TlsProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serde's registry client over TLS with {@code schema.registry.ssl.*}: the embedded registry behind a TLS
 * terminator whose certificates the test makes, signed by no public CA.
 */
class RegistryTlsTest {
  @TempDir
  static Path dir;

  private static RegistryServer registry;
  private static TlsProxy namingTheHost;
  private static TlsProxy namingAnotherHost;
  private static TlsProxy askingForAClientCertificate;
  private static Path trusted;
  private static Path untrusted;
  private static Path client;

  @BeforeAll
  static void start() throws IOException {
    registry = RegistryServer.start(RegistryServer.Options.of(Files.createDirectory(dir.resolve("registry")), 0));
    int registryPort = URI.create(registry.url()).getPort();
    TestCertificates certificates = new TestCertificates(dir);
    Path server = certificates.keyStore("server", "ip:127.0.0.1,dns:localhost");
    Path elsewhere = certificates.keyStore("elsewhere", "dns:registry.elsewhere.example");
    client = certificates.keyStore("client", "dns:client.example");
    trusted = certificates.trustStore("trusted", server, elsewhere);
    untrusted = certificates.trustStore("untrusted", certificates.keyStore("stranger", "ip:127.0.0.1"));
    Path clients = certificates.trustStore("clients", client);
    namingTheHost = new TlsProxy(registryPort, server, TestCertificates.PASSWORD, null);
    namingAnotherHost = new TlsProxy(registryPort, elsewhere, TestCertificates.PASSWORD, null);
    askingForAClientCertificate = new TlsProxy(registryPort, server, TestCertificates.PASSWORD, clients);
  }

  @AfterAll
  static void stop() throws IOException {
    for (AutoCloseable running : new AutoCloseable[] {namingTheHost, namingAnotherHost,
        askingForAClientCertificate}) {
      try {
        if (running != null) {
          running.close();
        }
      } catch (Exception e) {
        // closing the others matters more
      }
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void aTruststoreHoldingTheRegistrysCaIsTrusted() {
    Map<String, Object> config = https(namingTheHost, trusted);
    assertRoundTrip(config, "tls-trusted");
  }

  @Test
  void anUntrustedCertificateIsATypedErrorNamingTheTruststoreSetting() {
    for (Map<String, Object> config : java.util.List.of(https(namingTheHost, untrusted),
        https(namingTheHost, null))) {
      assertThatThrownBy(() -> serializer(config).serialize("tls-untrusted", "v"))
          .isInstanceOf(RegistryTlsFailedException.class)
          .hasMessageContaining("not signed by a CA this client trusts")
          .hasMessageContaining("schema.registry.ssl.truststore.location")
          .satisfies(e -> assertThat(((HandshakeSerdeException) e).isTransient()).isFalse());
    }
  }

  @Test
  void aCertificateForAnotherHostIsRefusedUnlessTheHostCheckIsOff() {
    Map<String, Object> config = https(namingAnotherHost, trusted);
    assertThatThrownBy(() -> serializer(config).serialize("tls-host", "v"))
        .isInstanceOf(RegistryTlsFailedException.class)
        .hasMessageContaining("does not name the host 127.0.0.1")
        .hasMessageContaining("schema.registry.ssl.endpoint.identification.algorithm");

    config.put(HandshakeSerdeConfig.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, "");
    assertRoundTrip(config, "tls-host");
  }

  @Test
  void aRegistryAskingForAClientCertificateGetsTheKeystores() {
    Map<String, Object> withoutKey = https(askingForAClientCertificate, trusted);
    assertThatThrownBy(() -> serializer(withoutKey).serialize("tls-mutual", "v"))
        .isInstanceOf(RegistryTlsFailedException.class).hasMessageContaining("keystore");

    Map<String, Object> withKey = https(askingForAClientCertificate, trusted);
    withKey.put(HandshakeSerdeConfig.SSL_KEYSTORE_LOCATION, client.toString());
    withKey.put(HandshakeSerdeConfig.SSL_KEYSTORE_PASSWORD, TestCertificates.PASSWORD);
    withKey.put(HandshakeSerdeConfig.SSL_KEYSTORE_TYPE, "PKCS12");
    assertRoundTrip(withKey, "tls-mutual");
  }

  @Test
  void aWrongTruststorePasswordIsAConfigExceptionNamingTheTruststore() {
    Map<String, Object> config = https(namingTheHost, trusted);
    config.put(HandshakeSerdeConfig.SSL_TRUSTSTORE_PASSWORD, "wrong");
    assertThatThrownBy(() -> serializer(config)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.ssl.truststore.location").hasMessageContaining("password");
  }

  private static void assertRoundTrip(Map<String, Object> config, String topic) {
    HandshakeAvroDeserializer deserializer = new HandshakeAvroDeserializer();
    deserializer.configure(config, false);
    assertThat(deserializer.deserialize(topic, serializer(config).serialize(topic, "over TLS")))
        .isEqualTo("over TLS");
  }

  private static HandshakeAvroSerializer serializer(Map<String, Object> config) {
    HandshakeAvroSerializer serializer = new HandshakeAvroSerializer();
    serializer.configure(config, false);
    return serializer;
  }

  private static Map<String, Object> https(TlsProxy proxy, Path truststore) {
    Map<String, Object> config = new HashMap<>();
    config.put(HandshakeSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "https://127.0.0.1:" + proxy.port());
    if (truststore != null) {
      config.put(HandshakeSerdeConfig.SSL_TRUSTSTORE_LOCATION, truststore.toString());
      config.put(HandshakeSerdeConfig.SSL_TRUSTSTORE_PASSWORD, TestCertificates.PASSWORD);
      config.put(HandshakeSerdeConfig.SSL_TRUSTSTORE_TYPE, "PKCS12");
    }
    return config;
  }
}
