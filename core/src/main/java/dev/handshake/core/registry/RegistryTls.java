package dev.handshake.core.registry;

import dev.handshake.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * How to speak TLS to a registry behind a private CA, as Kafka's {@code ssl.*} settings say it: a truststore
 * (the CAs to trust; the JDK's when absent), a keystore for mutual TLS, the protocol, and whether the
 * certificate must name the host. Stores are read once, here, so a wrong path or password is a start-up error;
 * {@code trustOption} and {@code hostnameOption} are the user's names for the settings, used in messages.
 */
public final class RegistryTls {
  private final SSLContext context;
  private final boolean verifyHostname;
  private final String trustOption;
  private final String hostnameOption;

  /** A key or trust store: its file, password (may be null), type (JKS, PKCS12) and the user's option name. */
  public record Store(Path location, String password, String type, String option) {
    @Override
    public String toString() {
      return "Store[" + location + ", " + type + "]";
    }
  }

  private RegistryTls(SSLContext context, boolean verifyHostname, String trustOption, String hostnameOption) {
    this.context = context;
    this.verifyHostname = verifyHostname;
    this.trustOption = trustOption;
    this.hostnameOption = hostnameOption;
  }

  /**
   * Loads the stores and builds the TLS context. {@code truststore} and {@code keystore} may be null (the JDK's
   * CAs; no client certificate); {@code keyPassword} defaults to the keystore's password.
   */
  public static RegistryTls load(Store truststore, Store keystore, String keyPassword, String protocol,
                                 boolean verifyHostname, String trustOption, String hostnameOption) {
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(truststore == null ? null : read(truststore));
      KeyManager[] keys = null;
      if (keystore != null) {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        String password = keyPassword != null ? keyPassword : keystore.password();
        factory.init(read(keystore), password == null ? new char[0] : password.toCharArray());
        keys = factory.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance(protocol);
      context.init(keys, trustManagers(trust, verifyHostname), null);
      return new RegistryTls(context, verifyHostname, trustOption, hostnameOption);
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException("cannot set up TLS for the schema registry (protocol " + protocol + "): "
          + e.getMessage(), e);
    }
  }

  /** The JDK's CAs, host names verified. */
  public static RegistryTls jdkDefaults(String trustOption, String hostnameOption) {
    return load(null, null, null, "TLS", true, trustOption, hostnameOption);
  }

  SSLContext context() {
    return context;
  }

  public boolean verifyHostname() {
    return verifyHostname;
  }

  String trustOption() {
    return trustOption;
  }

  String hostnameOption() {
    return hostnameOption;
  }

  private static KeyStore read(Store store) {
    if (!Files.isRegularFile(store.location())) {
      throw new InvalidInputException(store.option() + ": " + store.location() + " is not a readable file; give "
          + "the path of a " + store.type() + " store");
    }
    try (InputStream in = Files.newInputStream(store.location())) {
      KeyStore keyStore = KeyStore.getInstance(store.type());
      keyStore.load(in, store.password() == null ? null : store.password().toCharArray());
      return keyStore;
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidInputException(store.option() + ": cannot read " + store.location() + " as a "
          + store.type() + " store (" + e.getMessage() + "); check its type and password", e);
    }
  }

  /**
   * java.net.http always asks for host name verification; without it the trust manager checks the chain alone.
   * A plain {@link X509TrustManager} would be wrapped by the JDK, which would verify the host name anyway.
   */
  private static TrustManager[] trustManagers(TrustManagerFactory factory, boolean verifyHostname) {
    TrustManager[] managers = factory.getTrustManagers();
    if (verifyHostname) {
      return managers;
    }
    for (int i = 0; i < managers.length; i++) {
      if (managers[i] instanceof X509TrustManager chainOnly) {
        managers[i] = new ChainOnlyTrustManager(chainOnly);
      }
    }
    return managers;
  }

  private static final class ChainOnlyTrustManager extends X509ExtendedTrustManager {
    private final X509TrustManager delegate;

    ChainOnlyTrustManager(X509TrustManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }
}
