// Asserts on the console (build.log) and on the JSON report the goal wrote (ItBuild checks every report exists).
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def report = ItBuild.verifyReport(basedir)
assert report.passed == true
def rules = report.findings*.rule
assert report.errors == 0 : rules
assert log.contains('0 error(s)')
assert log.contains("1 contract(s) for other providers skipped")
assert report.contracts == 1 && report.skippedContracts == 1
assert report.checks*.contract == ['dev.handshake.it:auth-service-contracts:1.0.0!/contracts/auth-service-user-service.json']
true
