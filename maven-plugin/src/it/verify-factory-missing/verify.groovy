// Asserts on the console (build.log) and on the JSON report the goal wrote.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/handshake/verify.json'))
assert new File(basedir, 'target/handshake/verify.txt').isFile()
assert new File(basedir, 'target/surefire-reports/TEST-handshake-verify.xml').isFile()
assert report.passed == false
def rules = report.findings*.rule
assert rules.contains('FACTORY_MISSING') : rules
assert log.contains('[FACTORY_MISSING]')
assert log.contains("@PactVerifyProvider(\"a user was deleted by an admin\")")
def missing = report.findings.findAll { it.rule == 'FACTORY_MISSING' }
assert missing.size() == 1 && missing[0].interaction == 'a user was deleted by an admin'
assert report.checks.find { it.interaction == 'a user was deleted' }.passed
true
