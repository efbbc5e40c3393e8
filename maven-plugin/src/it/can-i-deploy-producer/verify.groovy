// Asserts on the console (build.log), on can-i-deploy.json, and that the gate's reports went beside it.
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def answer = ItBuild.canIDeployReport(basedir)
// the artifactId is example-user: the name checked is <providerName>, and the log says so
assert log.contains('can-i-deploy: checking the service named "user-service" (<providerName>), version 2.0.0, '
    + 'against prod') : log
for (report in ['verify.txt', 'verify.json', 'verify.github.txt', 'TEST-handshake-verify.xml']) {
  assert new File(basedir, "target/handshake/can-i-deploy/" + report).isFile() : report
}
assert !new File(basedir, 'target/handshake/verify.json').exists() // verify's own reports are not overwritten
assert answer.deployable == false
assert answer.service == 'user-service' && answer.version == '2.0.0' && answer.environment == 'prod'
def verdicts = answer.counterparts.collectEntries { [(it.name + ' ' + it.version + ' ' + it.role): it.verdict] }
assert verdicts == ['auth-service 1.4.0 consumer': 'yes', 'auth-service 1.5.0 consumer': 'no',
                    'auth-service 1.6.0 consumer': 'unknown'] : verdicts
assert answer.counterparts*.version == ['1.4.0', '1.5.0', '1.6.0'] // as the environment file lists them
def failing = answer.counterparts.find { it.version == '1.5.0' }
assert failing.findings*.rule == ['FIELD_REMOVED_WITHOUT_DEFAULT', 'CONSUMER_CANNOT_DECODE'] : failing.findings*.rule
assert answer.counterparts.find { it.version == '1.6.0' }.detail.contains('dev.handshake.it:auth-service-contracts:1.6.0 not found')
assert answer.counterparts.find { it.version == '1.4.0' }.findings == []
// the table, one line per counterpart
assert log =~ /auth-service\s+1\.4\.0\s+consumer\s+yes/
assert log =~ /auth-service\s+1\.5\.0\s+consumer\s+no\s+1 interaction\(s\), 2 error\(s\): FIELD_REMOVED_WITHOUT_DEFAULT, CONSUMER_CANNOT_DECODE/
assert log =~ /auth-service\s+1\.6\.0\s+consumer\s+unknown/
assert log.contains('[FIELD_REMOVED_WITHOUT_DEFAULT] Field "email"')
assert log.contains('can-i-deploy: no, user-service 2.0.0 to prod')
assert log.contains('BUILD FAILURE')
true
