// The record the factory built and schemas/UserDeleted.avsc differ: a warning naming both, no verdict change.
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def report = ItBuild.verifyReport(basedir)
assert report.passed == true
assert report.findings*.rule == ['WRITER_SCHEMA_DRIFT'] : report.findings
def drift = report.findings[0]
assert drift.severity == 'WARNING' && drift.file == 'schemas/UserDeleted.avsc' : drift
assert log.contains('[WARNING]') && log.contains('[WRITER_SCHEMA_DRIFT]')
assert log.contains('the record\'s fields are [eventId, userId, email, version, occurredAt], the file\'s [eventId, '
    + 'userId, email, version, occurredAt, reason]') : log
assert log.contains('0 error(s), 1 warning(s)')
assert log.contains('BUILD SUCCESS')
true
