// Asserts on the console (build.log) and on the JSON report the goal wrote (ItBuild checks every report exists).
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def report = ItBuild.verifyReport(basedir)
assert report.passed == false
def rules = report.findings*.rule
assert rules == ['TYPE_CHANGED', 'CONSUMER_CANNOT_DECODE'] : rules // every finding, in the order the gate reports them
assert rules.contains('TYPE_CHANGED') : rules
assert log.contains('[TYPE_CHANGED]')
assert rules.contains('CONSUMER_CANNOT_DECODE') : rules
assert log.contains('[CONSUMER_CANNOT_DECODE]')
assert log.contains("consumer \"auth-service\"")
assert log.contains("userId")
true
