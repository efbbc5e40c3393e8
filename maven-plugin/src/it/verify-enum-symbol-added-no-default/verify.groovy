// Asserts on the console (build.log) and on the JSON report the goal wrote (ItBuild checks every report exists).
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def report = ItBuild.verifyReport(basedir)
assert report.passed == false
def rules = report.findings*.rule
assert rules == ['ENUM_SYMBOL_ADDED_WITHOUT_DEFAULT'] : rules // every finding, in the order the gate reports them
assert rules.contains('ENUM_SYMBOL_ADDED_WITHOUT_DEFAULT') : rules
assert log.contains('[ENUM_SYMBOL_ADDED_WITHOUT_DEFAULT]')
assert log.contains("consumer \"auth-service\"")
assert log.contains("GDPR")
true
