// Asserts on the console (build.log) and on the JSON report the goal wrote.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/handshake/verify.json'))
assert new File(basedir, 'target/handshake/verify.txt').isFile()
assert new File(basedir, 'target/surefire-reports/TEST-handshake-verify.xml').isFile()
assert report.passed == false
def rules = report.findings*.rule
assert rules.contains('ENUM_SYMBOL_ADDED_WITHOUT_DEFAULT') : rules
assert log.contains('[ENUM_SYMBOL_ADDED_WITHOUT_DEFAULT]')
assert log.contains("consumer \"auth-service\"")
assert log.contains("GDPR")
true
