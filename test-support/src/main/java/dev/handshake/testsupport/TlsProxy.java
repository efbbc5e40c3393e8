package dev.handshake.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A loopback TLS terminator in front of a plain TCP server, so a test can reach a server that speaks only
 * HTTP over {@code https}: TLS on the proxy's port, the bytes forwarded in clear to {@code targetPort}. With a
 * client truststore it asks every client for a certificate (mutual TLS). {@link TcpProxy}'s pumps carry the bytes.
 */
public final class TlsProxy implements AutoCloseable {
  private final int targetPort;
  private final SSLServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  /**
   * Serves the key in {@code keyStore} (PKCS12, {@code password}); {@code clientTrustStore} null: no client
   * certificate asked.
   */
  public TlsProxy(int targetPort, Path keyStore, String password, Path clientTrustStore) throws IOException {
    this.targetPort = targetPort;
    try {
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(load(keyStore, password), password.toCharArray());
      TrustManagerFactory trust = null;
      if (clientTrustStore != null) {
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(clientTrustStore, password));
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
      server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
          InetAddress.getLoopbackAddress());
      server.setNeedClientAuth(clientTrustStore != null);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot serve TLS with " + keyStore + ": " + e.getMessage(), e);
    }
    Thread acceptor = new Thread(this::acceptLoop, "tls-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(target);
        // The handshake runs on the client pump's first read, so a refused client never blocks the acceptor.
        TcpProxy.pump(client, target);
        TcpProxy.pump(target, client);
      } catch (IOException e) {
        // closed by close(), or the target refused: the client sees its connection end
      }
    }
  }

  private static KeyStore load(Path path, String password) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, password.toCharArray());
    }
    return store;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      TcpProxy.closeQuietly(socket);
    }
  }
}
