import dev.handshake.maven.it.ItRegistry
import dev.handshake.maven.it.ItBuild

try {
  def log = ItBuild.log(basedir)
  assert log.contains('compatible: subject "dev.handshake.example.user.UserDeleted" has no versions at http://127.0.0.1:')
  assert log.contains('will be its first version')
  assert log.contains('BUILD SUCCESS')
} finally {
  ItRegistry.stop(basedir)
}
return true
