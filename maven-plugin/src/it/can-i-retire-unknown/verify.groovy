// prod's record points at contracts that are not there: unknown, an execution error naming the version and path,
// and can-i-retire.json says so too.
import dev.handshake.maven.it.ItBuild
import groovy.json.JsonSlurper

def log = ItBuild.log(basedir)
assert log.contains('[ERROR] can-i-retire: unknown, whether a consumer version recorded in prod '
    + '(environments/prod.json) reads topic "user-events" of user-service cannot be told: 1 thing(s) could not be '
    + 'read.') : log
assert log =~ /\[ERROR\]   unknown: auth-service 1\.4\.0: contracts path \S*consumer-contracts\/auth-service-1\.4\.0 does not exist/
assert log.contains('MojoExecutionException') : log
assert !log.contains('MojoFailureException')
assert !log.contains('can-i-retire: yes')
def report = new JsonSlurper().parse(new File(basedir, 'target/handshake/can-i-retire.json'))
assert report.verdict == 'unknown'
assert report.retirable == false
assert report.unknowns.size() == 1
true
