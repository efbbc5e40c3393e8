package dev.handshake.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates and the stores that carry them, made by the running JDK's {@code keytool}, so a test
 * can serve TLS without a certificate committed to the repository. Every store is PKCS12 with {@link #PASSWORD}.
 */
public final class TestCertificates {
  public static final String PASSWORD = "changeit";
  private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

  private final Path dir;

  public TestCertificates(Path dir) {
    this.dir = dir;
  }

  /**
   * A key pair and a self-signed certificate for {@code subjectAlternativeNames} (keytool's {@code -ext SAN=}
   * syntax, e.g. {@code ip:127.0.0.1,dns:localhost}), in {@code name.p12} under the alias {@code name}.
   */
  public Path keyStore(String name, String subjectAlternativeNames) throws IOException {
    Path store = dir.resolve(name + ".p12");
    keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=" + name, "-ext", "SAN=" + subjectAlternativeNames, "-keystore", store.toString(),
        "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
    return store;
  }

  /** A truststore, {@code name.p12}, trusting the certificates of the given key stores (made by this class). */
  public Path trustStore(String name, Path... trusted) throws IOException {
    Path store = dir.resolve(name + ".p12");
    for (Path keyStore : trusted) {
      String alias = keyStore.getFileName().toString().replace(".p12", "");
      Path certificate = dir.resolve(alias + ".crt");
      if (!Files.exists(certificate)) {
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", keyStore.toString(), "-storepass", PASSWORD,
            "-file", certificate.toString());
      }
      keytool("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-keystore",
          store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    }
    return store;
  }

  private void keytool(String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    // keytool is a short-lived JVM: the C1 compiler alone starts it in about half the time.
    command.add("-J-XX:TieredStopAtLevel=1");
    command.addAll(List.of(arguments));
    Path log = Files.createTempFile(dir, "keytool-", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s: " + command);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool ran", e);
    }
    if (process.exitValue() != 0) {
      throw new IOException("keytool failed (exit " + process.exitValue() + "): " + command + "\n"
          + Files.readString(log, StandardCharsets.UTF_8));
    }
  }
}
