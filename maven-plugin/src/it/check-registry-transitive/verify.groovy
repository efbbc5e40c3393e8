import dev.handshake.maven.it.ItRegistry
import dev.handshake.maven.it.ItBuild

try {
  def log = ItBuild.log(basedir)
  assert log =~ /\[ERROR\] schemas.Order\.avsc:\d+:\d+: \[FIELD_ADDED_WITHOUT_DEFAULT\] Field "note"/
  assert log.contains('cannot decode data written with v1')
  assert log.contains('under BACKWARD_TRANSITIVE (the subject\'s level; compared with 2 of 2 versions')
  assert ItRegistry.client(basedir).versions('dev.handshake.it.Order') == [1, 2]
} finally {
  ItRegistry.stop(basedir)
}
return true
