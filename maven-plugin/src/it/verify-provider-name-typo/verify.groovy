// A typo in <providerName> must not read as a pass: the build fails naming the directory, the name, the
// providers its contracts name and the closest one, before the factories run (so no report is written).
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
assert log.contains('BUILD FAILURE')
assert log.contains('Handshake verify found no contract for the provider name "user-servce" (<providerName>) in '
    + 'contracts: the 1 contract file(s) there name the provider "user-service". Did you mean "user-service"?') : log
assert log.contains('<failIfNoContracts>false</failIfNoContracts> (-Dhandshake.failIfNoContracts=false)')
assert !new File(basedir, 'target/handshake/verify.json').exists()
true
