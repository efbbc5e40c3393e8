import dev.handshake.maven.it.ItRegistry

ItRegistry.start(basedir)
return true
