import dev.handshake.maven.it.ItRegistry
import dev.handshake.maven.it.ItBuild

try {
  def log = ItBuild.log(basedir)
  assert log.contains('[FIELD_REMOVED_WITHOUT_DEFAULT] Field "email"')
  assert log.contains('nothing was registered: 1 compatibility finding')
  def client = ItRegistry.client(basedir)
  assert client.versions('dev.handshake.example.user.UserDeleted') == [1]
  assert !client.subjects().contains('dev.handshake.example.user.UserCreated')
} finally {
  ItRegistry.stop(basedir)
}
return true
