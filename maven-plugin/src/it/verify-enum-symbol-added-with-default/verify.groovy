// Asserts on the console (build.log) and on the JSON report the goal wrote (ItBuild checks every report exists).
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def report = ItBuild.verifyReport(basedir)
assert report.passed == true
def rules = report.findings*.rule
assert rules == [] : rules // every finding, in the order the gate reports them
assert report.errors == 0 : rules
assert log.contains('0 error(s)')
assert !rules.contains('ENUM_SYMBOL_ADDED_WITHOUT_DEFAULT') : rules
true
