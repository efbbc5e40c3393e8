import dev.handshake.maven.it.ItRegistry
import dev.handshake.maven.it.ItBuild

try {
  def log = ItBuild.log(basedir)
  assert log.contains('BUILD SUCCESS')
  assert log.contains('against the registry at http://127.0.0.1:')
  // the bare goal read the plugin-level configuration and registered both subjects
  def registry = ItRegistry.client(basedir)
  assert registry.versions('dev.handshake.example.user.UserCreated') == [1]
  assert registry.versions('dev.handshake.example.user.UserDeleted') == [1]
} finally {
  ItRegistry.stop(basedir)
}
return true
