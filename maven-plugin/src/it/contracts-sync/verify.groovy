import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
// the first build failed naming the missing interaction and the command that refreshes the copy
assert log.contains('lacks interaction "a user was deleted"')
assert log.contains('mvn verify -Dhandshake.updateContracts=true')
// the last build: the committed copy now says what the tests wrote, and passes
assert log.contains('BUILD SUCCESS')
assert log.contains('match the consumer tests')
def committed = new File(basedir, 'contracts/auth-service-user-service.json').text
assert committed == new File(basedir, 'written-by-tests/auth-service-user-service.json').text
// clean-pacts removed the stale pact of an earlier run before the tests
assert !new File(basedir, 'target/pacts/auth-service-old-provider.json').exists()
assert !new File(basedir, 'contracts/auth-service-old-provider.json').exists()
return true
