import dev.handshake.maven.it.ItRegistry
import dev.handshake.maven.it.ItBuild

try {
  def log = ItBuild.log(basedir)
  assert log.contains(':test-compatibility (default-cli) @ check-confluent-goal-name')
  assert log.contains('against the registry at http://127.0.0.1:')
  assert log.contains('compatible: candidate v2 (schemas/user-events/UserCreated.avsc) for subject "dev.handshake.example.user.UserCreated" under BACKWARD')
  assert log.contains('BUILD SUCCESS')
  assert ItRegistry.client(basedir).versions('dev.handshake.example.user.UserCreated') == [1]
} finally {
  ItRegistry.stop(basedir)
}
return true
