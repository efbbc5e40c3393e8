import groovy.json.JsonSlurper
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
assert log.contains('BUILD SUCCESS')
// check: the listed subjects against the offline history under ../schemas
assert log.contains('compatible: candidate') && log.contains('"dev.handshake.example.user.UserDeleted" under FULL_TRANSITIVE')
// verify: auth-service's interactions (its current contract on v2, its released one on v1) against the events the
// factories build
def report = new JsonSlurper().parse(new File(basedir, 'user-service/target/handshake/verify.json'))
assert report.passed && report.interactions == 6 && report.errors == 0 : report.findings
return true
