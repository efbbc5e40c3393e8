import dev.handshake.maven.it.ItRegistry

ItRegistry.start(basedir)
def created = 'dev.handshake.example.user.UserCreated'
ItRegistry.register(basedir, created, "schemas/history/${created}/v1.avsc")
ItRegistry.register(basedir, created, "schemas/history/${created}/v2.avsc")
ItRegistry.register(basedir, 'dev.handshake.example.user.UserDeleted', 'schemas/history/dev.handshake.example.user.UserDeleted/v1.avsc')
ItRegistry.register(basedir, 'unrelated-value', 'schemas/history/dev.handshake.example.user.UserUpdated/v1.avsc')
// a subject's own level, which the downloaded copy must keep for the offline check
ItRegistry.client(basedir).setSubjectCompatibility(created,
    dev.handshake.core.compat.CompatibilityLevel.FULL_TRANSITIVE)
return true
