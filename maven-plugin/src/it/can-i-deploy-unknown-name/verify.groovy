// A name found in no environment and no contract is an error naming the names seen and the closest one.
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
assert log.contains('BUILD FAILURE')
assert log.contains('can-i-deploy: no environment in environments records a service named "user-servce" '
    + '(<providerName>) and no contract names it, so nothing could be checked.') : log
assert log.contains('The names recorded or in contracts: "auth-service", "user-service". Did you mean "user-service"?')
assert !log.contains('can-i-deploy: yes')
true
