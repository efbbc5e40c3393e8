import dev.handshake.maven.it.ItRegistry

ItRegistry.start(basedir)
ItRegistry.register(basedir, 'dev.handshake.example.user.UserCreated', 'schemas/history/dev.handshake.example.user.UserCreated/v1.avsc')
return true
