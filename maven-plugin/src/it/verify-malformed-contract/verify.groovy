// Asserts on the console (build.log) and on the JSON report the goal wrote.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/handshake/verify.json'))
assert new File(basedir, 'target/handshake/verify.txt').isFile()
assert new File(basedir, 'target/surefire-reports/TEST-handshake-verify.xml').isFile()
assert report.passed == false
def rules = report.findings*.rule
assert rules.contains('CONTRACT_INVALID') : rules
assert log.contains('[CONTRACT_INVALID]')
assert log.contains("contracts/auth-service-user-service.json:18:")
def invalid = report.findings.find { it.rule == 'CONTRACT_INVALID' }
assert invalid.file == 'contracts/auth-service-user-service.json' && invalid.line == 18
true
