// Asserts on the console (build.log) and on the JSON report the goal wrote.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/handshake/verify.json'))
assert new File(basedir, 'target/handshake/verify.txt').isFile()
assert new File(basedir, 'target/surefire-reports/TEST-handshake-verify.xml').isFile()
assert report.passed == false
def rules = report.findings*.rule
assert rules.contains('CONTRACT_VALUE_MISMATCH') : rules
assert log.contains('[CONTRACT_VALUE_MISMATCH]')
assert log.contains("\$.email")
assert log.contains("ada.example.com")
assert log.contains("auth-service-user-service.json:")
def mismatch = report.findings.find { it.rule == 'CONTRACT_VALUE_MISMATCH' }
assert mismatch.path == '$.email' && mismatch.actual == '"ada.example.com"'
assert mismatch.file == 'contracts/auth-service-user-service.json' && mismatch.line > 1
true
