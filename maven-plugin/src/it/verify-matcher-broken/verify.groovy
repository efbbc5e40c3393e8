// Asserts on the console (build.log) and on the JSON report the goal wrote (ItBuild checks every report exists).
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def report = ItBuild.verifyReport(basedir)
assert report.passed == false
def rules = report.findings*.rule
assert rules == ['CONTRACT_VALUE_MISMATCH'] : rules // every finding, in the order the gate reports them
assert rules.contains('CONTRACT_VALUE_MISMATCH') : rules
assert log.contains('[CONTRACT_VALUE_MISMATCH]')
assert log.contains("\$.email")
assert log.contains("ada.example.com")
assert log.contains("auth-service-user-service.json:")
def mismatch = report.findings.find { it.rule == 'CONTRACT_VALUE_MISMATCH' }
assert mismatch.path == '$.email' && mismatch.actual == '"ada.example.com"'
assert mismatch.file == 'contracts/auth-service-user-service.json' && mismatch.line > 1
true
