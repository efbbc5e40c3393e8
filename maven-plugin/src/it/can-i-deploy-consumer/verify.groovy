// Asserts on the console (build.log) and on can-i-deploy.json.
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def answer = ItBuild.canIDeployReport(basedir)
assert answer.deployable == true && answer.ignoreUnknown == true
assert answer.service == 'auth-service' && answer.version == '1.6.0'
// the artifactId is auth-app: the name checked is the consumer name its contracts carry, and the log says so
assert log.contains('can-i-deploy: checking the service named "auth-service" (the consumer name of its contracts), '
    + 'version 1.6.0, against prod') : log
def verdicts = answer.counterparts.collect { it.name + ' ' + it.version + ' ' + it.role + ' ' + it.verdict }
// auth-service 1.5.0, the version being replaced, is not its own counterpart
assert verdicts == ['user-service 1.9.0 producer yes', 'user-service 2.1.0 producer unknown'] : verdicts
assert answer.counterparts[1].detail == 'schemas path ../released-schemas/user-service-2.1.0 does not exist'
assert log =~ /user-service\s+1\.9\.0\s+producer\s+yes\s+1 interaction\(s\), no errors/
assert log.contains('can-i-deploy: yes, auth-service 1.6.0 to prod works with every counterpart that could be checked (unknowns ignored).')
assert !new File(basedir, 'target/handshake/can-i-deploy').exists() // no producer side: the gate did not run
assert log.contains('BUILD SUCCESS')
true
