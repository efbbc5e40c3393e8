// register sends Order with its <references>: the registry stores the reference, and Order's schema text keeps
// using dev.example.Address by name instead of a copy of it.
import dev.handshake.maven.it.ItRegistry
import dev.handshake.maven.it.ItBuild
import dev.handshake.core.registry.SchemaReference

try {
  def log = ItBuild.log(basedir)
  def client = ItRegistry.client(basedir)
  assert client.versions('dev.example.Order') == [1]
  def order = client.latest('dev.example.Order')
  assert order.references() == [new SchemaReference('dev.example.Address', 'dev.example.Address', 1)] : order
  // Address by name (the registry may shorten it within the namespace), not its definition inlined
  assert order.schema().contains('Address"') && !order.schema().contains('"city"') : order.schema()
  assert log.contains('registered schemas/Order.avsc as subject dev.example.Order version 1') : log
  assert log.contains('BUILD SUCCESS')
} finally {
  ItRegistry.stop(basedir)
}
return true
