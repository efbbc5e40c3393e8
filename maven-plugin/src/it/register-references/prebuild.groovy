import dev.handshake.maven.it.ItRegistry

ItRegistry.start(basedir)
// The referenced type is registered first, under its own subject, as another team's release would have done.
ItRegistry.register(basedir, 'dev.example.Address', 'schemas/Address.avsc')
return true
