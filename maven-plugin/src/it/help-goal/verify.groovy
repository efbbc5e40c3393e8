import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
assert log.contains('BUILD SUCCESS')
for (goal in ['check', 'register', 'download', 'set-compatibility', 'verify', 'can-i-deploy', 'can-i-retire', 'explain', 'clean-pacts', 'contracts', 'help']) {
  assert log.contains("handshake:${goal}") : "handshake:help lists no goal ${goal}"
}
// -Ddetail: the parameters with their user properties
assert log.contains('schemasDirectory') && log.contains('User property: handshake.skip')
// handshake:explain: the rule's page, shipped in the plugin
assert log.contains('[INFO] # TYPE_CHANGED')
return true
