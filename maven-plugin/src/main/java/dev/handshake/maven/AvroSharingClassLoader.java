package dev.handshake.maven;

/**
 * Parent of the producer's test class loader: it shares Avro with the plugin, so the records the
 * producer's factories return are instances of the same Avro classes Handshake's core encodes with;
 * everything else (the producer's own classes and libraries) loads from the project's class path.
 */
final class AvroSharingClassLoader extends ClassLoader {
  private final ClassLoader plugin;

  AvroSharingClassLoader(ClassLoader plugin) {
    super("handshake-avro-sharing", ClassLoader.getPlatformClassLoader());
    this.plugin = plugin;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith("org.apache.avro.")) {
      return plugin.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }
}
