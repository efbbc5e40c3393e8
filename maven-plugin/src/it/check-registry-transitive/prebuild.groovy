import dev.handshake.maven.it.ItRegistry

ItRegistry.start(basedir)
ItRegistry.register(basedir, 'dev.handshake.it.Order', 'schemas/v1.avsc')
ItRegistry.register(basedir, 'dev.handshake.it.Order', 'schemas/v2.avsc')
ItRegistry.client(basedir).setSubjectCompatibility('dev.handshake.it.Order', dev.handshake.core.compat.CompatibilityLevel.BACKWARD_TRANSITIVE)
return true
