// Asserts on the console (build.log) and on the JSON report the goal wrote (ItBuild checks every report exists).
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def report = ItBuild.verifyReport(basedir)
assert report.passed == true
def rules = report.findings*.rule
assert report.errors == 0 : rules
assert log.contains('0 error(s)')
assert log.contains("1 interaction(s)")
assert report.interactions == 1
assert report.checks[0].consumer == 'auth-service' && report.checks[0].passed
true
