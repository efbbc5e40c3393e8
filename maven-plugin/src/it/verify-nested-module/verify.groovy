def service = new File(basedir, 'services/user-service')
def log = new File(basedir, 'build.log').text
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
return true
