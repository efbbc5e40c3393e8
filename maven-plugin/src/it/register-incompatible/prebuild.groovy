import dev.handshake.maven.it.ItRegistry

ItRegistry.start(basedir)
ItRegistry.register(basedir, 'dev.handshake.example.user.UserDeleted', 'schemas/history/dev.handshake.example.user.UserDeleted/v1.avsc')
ItRegistry.client(basedir).setSubjectCompatibility('dev.handshake.example.user.UserDeleted', dev.handshake.core.compat.CompatibilityLevel.FULL_TRANSITIVE)
return true
