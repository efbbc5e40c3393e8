// staging records only a v2 reader: yes; prod still records a v1 reader: no, naming it and what it reads.
import dev.handshake.maven.it.ItBuild
import groovy.json.JsonSlurper

def log = ItBuild.log(basedir)
assert log.contains('[INFO] can-i-retire: yes, no consumer version recorded in staging (environments/staging.json) '
    + 'reads topic "user-events" of user-service.') : log
assert log.contains('[INFO]   auth-service 1.5.0 reads "user-events.v2" of user-service, not "user-events"') : log
assert log.contains('[ERROR] can-i-retire: no, 1 consumer version(s) recorded in prod (environments/prod.json) '
    + 'still read topic "user-events" of user-service: auth-service 1.4.0.') : log
assert log.contains('[ERROR]   auth-service 1.4.0 reads "user-events":') : log
assert log =~ /\[ERROR\]     interaction "a user was created" \(consumer-contracts\/auth-service-1\.4\.0\/auth-service-user-service\.json\) reads .*\$\.email \(asserts\)/
assert log.contains('BUILD FAILURE')
// prod ran last: its answer is the report's
def report = new JsonSlurper().parse(new File(basedir, 'target/handshake/can-i-retire.json'))
assert report.verdict == 'no'
assert report.readers*.consumer == ['auth-service']
assert report.readers[0].version == '1.4.0'
true
