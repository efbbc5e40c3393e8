package dev.handshake.kafka;

import static dev.handshake.kafka.HandshakeSerdeConfig.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM;
import static dev.handshake.kafka.HandshakeSerdeConfig.SSL_KEYSTORE_LOCATION;
import static dev.handshake.kafka.HandshakeSerdeConfig.SSL_KEYSTORE_PASSWORD;
import static dev.handshake.kafka.HandshakeSerdeConfig.SSL_KEYSTORE_TYPE;
import static dev.handshake.kafka.HandshakeSerdeConfig.SSL_KEY_PASSWORD;
import static dev.handshake.kafka.HandshakeSerdeConfig.SSL_PROTOCOL;
import static dev.handshake.kafka.HandshakeSerdeConfig.SSL_TRUSTSTORE_LOCATION;
import static dev.handshake.kafka.HandshakeSerdeConfig.SSL_TRUSTSTORE_PASSWORD;
import static dev.handshake.kafka.HandshakeSerdeConfig.SSL_TRUSTSTORE_TYPE;
import static dev.handshake.kafka.HandshakeSerdeConfig.string;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.registry.RegistryTls;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The {@code schema.registry.ssl.*} keys as core's {@link RegistryTls}: the stores are read here, in
 * {@code configure}, so a wrong path, password or type is a {@link ConfigException} naming the key.
 */
final class SerdeTls {
  private SerdeTls() {
  }

  static RegistryTls parse(Map<String, ?> configs) {
    String identification = string(configs, SSL_ENDPOINT_IDENTIFICATION_ALGORITHM);
    boolean verifyHostname = identification == null || identification.trim().equalsIgnoreCase("https");
    if (!verifyHostname && !identification.isBlank()) {
      throw new ConfigException(SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, identification, "use https (the default: "
          + "the certificate must name the host) or an empty value (no host name check)");
    }
    String protocol = string(configs, SSL_PROTOCOL);
    RegistryTls.Store truststore = store(configs, SSL_TRUSTSTORE_LOCATION, SSL_TRUSTSTORE_PASSWORD,
        SSL_TRUSTSTORE_TYPE);
    RegistryTls.Store keystore = store(configs, SSL_KEYSTORE_LOCATION, SSL_KEYSTORE_PASSWORD, SSL_KEYSTORE_TYPE);
    try {
      return RegistryTls.load(truststore, keystore, string(configs, SSL_KEY_PASSWORD),
          protocol == null || protocol.isBlank() ? "TLS" : protocol.trim(), verifyHostname, SSL_TRUSTSTORE_LOCATION,
          SSL_ENDPOINT_IDENTIFICATION_ALGORITHM);
    } catch (InvalidInputException e) {
      // A store's error starts with its location key; anything else is about the protocol.
      boolean namesStore = e.getMessage().startsWith(SSL_TRUSTSTORE_LOCATION)
          || e.getMessage().startsWith(SSL_KEYSTORE_LOCATION);
      throw new ConfigException(namesStore ? e.getMessage() : SSL_PROTOCOL + ": " + e.getMessage());
    }
  }

  private static RegistryTls.Store store(Map<String, ?> configs, String locationKey, String passwordKey,
                                         String typeKey) {
    String location = string(configs, locationKey);
    if (location == null || location.isBlank()) {
      return null;
    }
    String type = string(configs, typeKey);
    return new RegistryTls.Store(Path.of(location.trim()), string(configs, passwordKey),
        type == null || type.isBlank() ? "JKS" : type.trim(), locationKey);
  }
}
