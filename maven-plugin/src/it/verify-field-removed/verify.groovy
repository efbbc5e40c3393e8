// Asserts on the console (build.log) and on the JSON report the goal wrote (ItBuild checks every report exists).
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def report = ItBuild.verifyReport(basedir)
assert report.passed == false
def rules = report.findings*.rule
assert rules == ['FIELD_REMOVED_WITHOUT_DEFAULT', 'CONSUMER_CANNOT_DECODE'] : rules // every finding, in the order the gate reports them
assert rules.contains('CONSUMER_CANNOT_DECODE') : rules
assert log.contains('[CONSUMER_CANNOT_DECODE]')
assert rules.contains('FIELD_REMOVED_WITHOUT_DEFAULT') : rules
assert log.contains('[FIELD_REMOVED_WITHOUT_DEFAULT]')
assert log.contains("consumer \"auth-service\"")
assert log.contains("interaction \"a user was deleted\"")
assert log.contains("Field \"email\"")
assert log.contains("schemas/UserDeleted.avsc:")
assert log.contains("BUILD FAILURE")
// no rulesDocsUrl: the finding names the goal that prints the page shipped in the plugin, never a URL
assert log.contains('Run: mvn handshake:explain -Dhandshake.rule=FIELD_REMOVED_WITHOUT_DEFAULT')
assert !log.contains('handshake-dev') && !log.contains('See https://')
def removed = report.findings.find { it.rule == 'FIELD_REMOVED_WITHOUT_DEFAULT' }
assert removed.consumer == 'auth-service' && removed.interaction == 'a user was deleted'
assert removed.file == 'schemas/UserDeleted.avsc' && removed.line > 1
assert removed.fix
// The finding names every consumer that reads the field (from the field-usage map), in its message and facts.
assert removed.readBy == 'auth-service (needs it, no default)' : removed
assert removed.message.endsWith('Consumers that read $.email: auth-service (needs it, no default).') : removed.message
def decode = report.findings.find { it.rule == 'CONSUMER_CANNOT_DECODE' }
assert decode.path == 'UserDeleted.email'
assert decode.readBy == 'auth-service (needs it, no default)' : decode
def usage = ItBuild.usage(basedir)
def email = usage.fields.find { it.path == '$.email' }
assert email.written == false && email.verdict == 'NOT_WRITTEN' : email
assert email.consumers == [[consumer: 'auth-service', use: 'MISSING', topics: ['user-events']]] : email
true
