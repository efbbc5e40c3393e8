import dev.handshake.maven.it.ItRegistry

ItRegistry.start(basedir)
ItRegistry.client(basedir).setGlobalCompatibility(dev.handshake.core.compat.CompatibilityLevel.BACKWARD)
ItRegistry.register(basedir, 'dev.handshake.it.Order', 'schemas/v1.avsc')
return true
