// Each interaction is checked against the factory of its topic; a topic no factory publishes is the one finding.
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def report = ItBuild.verifyReport(basedir)
assert report.passed == false
def rules = report.findings*.rule
assert rules == ['TOPIC_NOT_PUBLISHED'] : rules // auth-service (v1) and billing-service (v2) passed
def finding = report.findings[0]
assert finding.consumer == 'audit-service' : finding
assert log.contains('[TOPIC_NOT_PUBLISHED] Interaction "a user was deleted" of consumer "audit-service" read topic '
    + '"user-events.v0", which no event factory of the producer published: its factories\' records were sent to '
    + '"user-events", "user-events.v2".') : log
assert !log.contains('[FACTORY_MISSING]') && !log.contains('CONSUMER_CANNOT_DECODE') && !log.contains('READER_SCHEMA')
assert log.contains('BUILD FAILURE')
true
