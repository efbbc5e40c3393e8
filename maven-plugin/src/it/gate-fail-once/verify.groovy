import groovy.json.JsonSlurper
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
assert log.contains('BUILD FAILURE')
// check ran first, failed, and said what happens next, with a command that works for an execution's configuration
assert log.contains('[FIELD_REMOVED_WITHOUT_DEFAULT] Field "email"')
assert log.contains('handshake:check (gate) failed; the build fails after handshake:verify (gate) has written its report too.')
assert log.contains('re-run with mvn handshake:check@gate.')
// verify still ran and wrote the consumer report
def report = new JsonSlurper().parse(new File(basedir, 'target/handshake/verify.json'))
assert report.passed == false && report.findings*.rule.contains('CONSUMER_CANNOT_DECODE')
assert log.contains('consumer "auth-service"')
// one failure, naming both goals
assert log.contains('2 Handshake goals failed (each report is above):')
assert log.findAll(/(?m)^\[ERROR\] Failed to execute goal/).size() == 1
assert log =~ /Failed to execute goal dev\.handshake:handshake-maven-plugin:[^:]+:verify \(gate\)/
// findings link the rule's page under the configured URL, with the rule's purpose
assert log.contains('Rule: A field that readers of an earlier version require (it has no default there) was removed. See https://docs.example.com/handshake/rules/FIELD_REMOVED_WITHOUT_DEFAULT.md')
assert log.contains('See https://docs.example.com/handshake/rules/CONSUMER_CANNOT_DECODE.md')
assert !log.contains('See docs/rules/')
return true
