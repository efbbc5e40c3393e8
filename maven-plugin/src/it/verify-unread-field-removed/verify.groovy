// The producer removes version, which no consumer reads: the build passes, with a note naming the field.
// Asserts on the console (build.log), the JSON report and the field-usage map the goal wrote (ItBuild checks every
// report exists). schemas/history/<subject>/v1.avsc is the registered version that still had version.
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
def report = ItBuild.verifyReport(basedir)
assert report.passed == true
def rules = report.findings*.rule
assert rules == [] : rules // every finding, in the order the gate reports them
assert report.errors == 0 : rules
assert log.contains('0 error(s)')
assert report.checks.size() == 1
assert log.contains('Handshake verify: note: field $.version of dev.handshake.example.user.UserDeleted was removed '
    + '(it is in schemas/history/dev.handshake.example.user.UserDeleted/v1.avsc, not in the current schema) and no '
    + 'consumer reads it: the removal is safe.') : log

def usage = ItBuild.usage(basedir)
assert usage.consumers == ['auth-service']
def byPath = usage.fields.collectEntries { [(it.path): it] }
assert usage.fields*.path == ['$.eventId', '$.userId', '$.email', '$.occurredAt', '$.version'] : usage.fields*.path
['$.eventId', '$.userId', '$.email', '$.occurredAt'].each {
  assert byPath[it].consumers == [[consumer: 'auth-service', use: 'ASSERTS', topics: ['user-events']]] : byPath[it]
  assert byPath[it].verdict == 'IN_USE'
}
assert byPath['$.version'].verdict == 'REMOVED_UNREAD'
assert byPath['$.version'].written == false
assert byPath['$.version'].consumers == []
assert byPath['$.version'].file == 'schemas/history/dev.handshake.example.user.UserDeleted/v1.avsc'
assert byPath['$.version'].pointer == '/fields/3'
def markdown = new File(basedir, 'target/handshake/usage.md').text
assert markdown.contains('| `$.version` | long | nobody | removed unread |') : markdown
true
