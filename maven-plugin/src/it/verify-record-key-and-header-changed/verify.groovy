// Asserts on the console (build.log) and on the JSON report the goal wrote (ItBuild checks every report exists).
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def report = ItBuild.verifyReport(basedir)
assert report.passed == false
def rules = report.findings*.rule
assert rules == ['CONTRACT_KEY_MISMATCH', 'CONTRACT_HEADER_MISSING'] : rules // every finding, in the gate's order
assert log.contains('[CONTRACT_KEY_MISMATCH]') && log.contains('[CONTRACT_HEADER_MISSING]')
// StringDeserializer reads the 8 bytes LongSerializer wrote without complaint; the key's matcher catches them
def key = report.findings.find { it.rule == 'CONTRACT_KEY_MISMATCH' }
assert key.message.contains('expected key to match regex "[0-9]+"') : key.message
assert key.actual.contains('\\u0000') : key.actual
assert key.message.contains('it.UserEventFactories.userDeleted()') : key.message
def header = report.findings.find { it.rule == 'CONTRACT_HEADER_MISSING' }
assert header.message.contains('expected header "type"') && header.message.contains('had only [position]') : header.message
true
