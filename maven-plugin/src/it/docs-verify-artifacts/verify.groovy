import groovy.json.JsonSlurper
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
assert log.contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(basedir, 'producer/target/handshake/verify.json'))
assert report.passed && report.contracts == 1 && report.skippedContracts == 1 : report.findings
return true
