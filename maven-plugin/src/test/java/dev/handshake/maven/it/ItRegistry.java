package dev.handshake.maven.it;

import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.registry.RegistryServer;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real embedded registry for one invoker scenario. The scenario's {@code prebuild.groovy} calls
 * {@link #start}: the registry binds a free port inside the Maven JVM running the invoker, and the scenario's
 * build learns the URL from {@code .mvn/maven.config} ({@code -Dhandshake.schemaRegistryUrls=...}).
 * {@code verify.groovy} calls {@link #stop}; a registry left behind by a scenario that failed early dies with
 * that JVM (its threads do not keep it alive). Each script runs in its own class loader, so the running server
 * is kept in the system properties, typed as {@link Closeable}, rather than in a static field.
 */
public final class ItRegistry {
  private ItRegistry() {
  }

  private static String key(File basedir) {
    return "handshake.it.registry:" + basedir.getAbsolutePath();
  }

  /** Starts a registry with its data under {@code target/registry-data} and returns its URL. */
  public static String start(File basedir) throws IOException {
    stop(basedir);
    Path dataDir = basedir.toPath().resolve("target").resolve("registry-data");
    RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0));
    System.getProperties().put(key(basedir), server);
    System.getProperties().put(key(basedir) + ":url", server.url());
    Path mavenConfig = basedir.toPath().resolve(".mvn").resolve("maven.config");
    Files.createDirectories(mavenConfig.getParent());
    Files.writeString(mavenConfig, "-Dhandshake.schemaRegistryUrls=" + server.url() + "\n", StandardCharsets.UTF_8);
    return server.url();
  }

  /** A client for the scenario's registry, to seed it before the build and inspect it after. */
  public static RestSchemaRegistry client(File basedir) {
    Object url = System.getProperties().get(key(basedir) + ":url");
    if (url == null) {
      throw new IllegalStateException("no registry was started for " + basedir + "; call ItRegistry.start first");
    }
    return RestSchemaRegistry.of(url.toString());
  }

  /** Registers a schema file of the scenario (path relative to it) and returns its id. */
  public static int register(File basedir, String subject, String schemaFile) throws IOException {
    String text = Files.readString(basedir.toPath().resolve(schemaFile), StandardCharsets.UTF_8);
    return client(basedir).register(subject, dev.handshake.core.registry.RegistrySchema.of(text));
  }

  public static void stop(File basedir) throws IOException {
    Object server = System.getProperties().remove(key(basedir));
    System.getProperties().remove(key(basedir) + ":url");
    if (server instanceof Closeable closeable) {
      closeable.close();
    }
  }
}
