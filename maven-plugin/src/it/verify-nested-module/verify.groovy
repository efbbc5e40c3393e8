import dev.handshake.maven.it.ItBuild

def service = new File(basedir, 'services/user-service')
def log = ItBuild.log(basedir)
assert log.contains('[FIELD_REMOVED_WITHOUT_DEFAULT]')

// the factory read schemas/UserDeleted.avsc relative to the module although Maven ran from the root
def report = new groovy.json.JsonSlurper().parse(new File(service, 'target/handshake/verify.json'))
assert !report.findings*.rule.contains('FACTORY_FAILED') : report.findings*.message
assert report.findings*.rule.contains('CONSUMER_CANNOT_DECODE')

// GitHub annotations name files from the repository root, not from the module
def github = new File(service, 'target/handshake/verify.github.txt').text
assert github.contains('::error file=services/user-service/schemas/UserDeleted.avsc,line=')
assert github.contains('file=contracts/auth-service-user-service.json,line=')
assert !github.contains('file=..')
// JUnit XML where CI tools collect Surefire's results, with measured times and the consumer as class name
def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(new File(service, 'target/surefire-reports/TEST-handshake-verify.xml'))
def cases = junit.getElementsByTagName('testcase')
assert cases.length == 1
assert cases.item(0).getAttribute('classname') == 'auth-service'
assert (cases.item(0).getAttribute('time') as double) > 0
assert !new File(service, 'target/handshake/TEST-handshake-verify.xml').exists()
return true
