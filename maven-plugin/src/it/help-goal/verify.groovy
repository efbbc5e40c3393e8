import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
assert log.contains('BUILD SUCCESS')
for (goal in ['check', 'register', 'download', 'set-compatibility', 'verify', 'can-i-deploy', 'help']) {
  assert log.contains("handshake:${goal}") : "handshake:help lists no goal ${goal}"
}
// -Ddetail: the parameters with their user properties
assert log.contains('schemasDirectory') && log.contains('User property: handshake.skip')
return true
