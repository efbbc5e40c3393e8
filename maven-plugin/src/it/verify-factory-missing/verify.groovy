// Asserts on the console (build.log) and on the JSON report the goal wrote (ItBuild checks every report exists).
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def report = ItBuild.verifyReport(basedir)
assert report.passed == false
def rules = report.findings*.rule
assert rules == ['FACTORY_MISSING'] : rules // every finding, in the order the gate reports them
assert rules.contains('FACTORY_MISSING') : rules
assert log.contains('[FACTORY_MISSING]')
assert log.contains("@PactVerifyProvider(\"a user was deleted by an admin\")")
def missing = report.findings.findAll { it.rule == 'FACTORY_MISSING' }
assert missing.size() == 1 && missing[0].interaction == 'a user was deleted by an admin'
assert report.checks.find { it.interaction == 'a user was deleted' }.passed
true
