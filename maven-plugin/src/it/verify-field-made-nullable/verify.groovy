// Asserts on the console (build.log) and on the JSON report the goal wrote (ItBuild checks every report exists).
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def report = ItBuild.verifyReport(basedir)
assert report.passed == false
def rules = report.findings*.rule
assert rules == ['TYPE_MADE_NULLABLE'] : rules // every finding, in the order the gate reports them
assert rules.contains('TYPE_MADE_NULLABLE') : rules
assert log.contains('[TYPE_MADE_NULLABLE]')
assert !rules.contains('CONSUMER_CANNOT_DECODE') : rules
assert log.contains("consumer \"auth-service\"")
assert log.contains("nullable")
def nullable = report.findings.find { it.rule == 'TYPE_MADE_NULLABLE' }
assert nullable.consumer == 'auth-service' && nullable.file == 'schemas/UserDeleted.avsc'
true
