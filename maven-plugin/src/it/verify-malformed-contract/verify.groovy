// Asserts on the console (build.log) and on the JSON report the goal wrote (ItBuild checks every report exists).
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def report = ItBuild.verifyReport(basedir)
assert report.passed == false
def rules = report.findings*.rule
assert rules == ['CONTRACT_INVALID'] : rules // every finding, in the order the gate reports them
assert rules.contains('CONTRACT_INVALID') : rules
assert log.contains('[CONTRACT_INVALID]')
assert log.contains("contracts/auth-service-user-service.json:18:")
def invalid = report.findings.find { it.rule == 'CONTRACT_INVALID' }
assert invalid.file == 'contracts/auth-service-user-service.json' && invalid.line == 18
true
