import dev.handshake.maven.it.ItRegistry
import dev.handshake.maven.it.ItBuild

try {
  def log = ItBuild.log(basedir)
  assert log.contains('DISAGREEMENT: Handshake\'s engine under NONE (level given explicitly) found the candidate compatible')
  assert log.contains('the registry\'s own check under BACKWARD (the registry\'s global level) says incompatible')
  assert log =~ /\[ERROR\] registry: \[FIELD_ADDED_WITHOUT_DEFAULT\]/
  assert log.contains('INCOMPATIBLE: candidate v2')
  assert ItRegistry.client(basedir).versions('dev.handshake.it.Order') == [1]
} finally {
  ItRegistry.stop(basedir)
}
return true
