import dev.handshake.maven.it.ItRegistry
import dev.handshake.maven.it.ItBuild

try {
  def log = ItBuild.log(basedir)
  def client = ItRegistry.client(basedir)
  ['UserCreated', 'UserUpdated', 'UserDeleted'].each { name ->
    def subject = "dev.handshake.example.user.${name}".toString()
    assert client.versions(subject) == [1]
    def id = client.latest(subject).id()
    // Both executions report the same id: registering an identical schema again is a no-op.
    assert log.count("registered schemas/user-events/${name}.avsc as subject ${subject} version 1, id ${id} at") == 2
  }
  assert client.subjectCompatibility('dev.handshake.example.user.UserDeleted').get().name() == 'FULL_TRANSITIVE'
  assert client.globalCompatibility().name() == 'BACKWARD'
  assert log.contains('BUILD SUCCESS')
} finally {
  ItRegistry.stop(basedir)
}
return true
