import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
assert log =~ /\[ERROR\] schemas.history.dev\.handshake\.example\.user\.UserDeleted.v1\.avsc:\d+:\d+: \[FIELD_REMOVED_WITHOUT_DEFAULT\] Field "email"/
assert log.contains('INCOMPATIBLE: candidate v2 (schemas/user-events/UserDeleted.avsc) for subject "dev.handshake.example.user.UserDeleted" under FULL_TRANSITIVE')
assert log.contains('1 compatibility finding in subject dev.handshake.example.user.UserDeleted')
assert log.contains('Fix: ')
// The other subjects were still checked: every finding is collected before the build fails.
assert log.contains('for subject "dev.handshake.example.user.UserUpdated" under BACKWARD')
assert log.contains('MojoFailureException')
return true
