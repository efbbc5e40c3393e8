import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(basedir, 'producer/target/handshake/verify.json'))
assert report.passed && report.contracts == 1 && report.skippedContracts == 1 : report.findings
return true
