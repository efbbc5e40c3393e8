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
assert !rules.contains('CONSUMER_CANNOT_DECODE') : rules
assert log.contains("\$.displayName")
def mismatch = report.findings.find { it.rule == 'CONTRACT_VALUE_MISMATCH' }
assert mismatch.path == '$.displayName'
assert mismatch.expected == '"Zo\u00eb"' && mismatch.actual == '"Zo\u00e9"'
true
