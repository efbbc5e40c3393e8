// Schema references offline: Order's candidate and its registered v1 both use dev.example.Address from the
// subject dev.example.Address (<references> in the pom, history/dev.example.Order/v1.references.json). Both parse,
// so the check reaches the real finding instead of an unknown type.
import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
assert !log.contains('is not a defined name') : log
assert !log.contains('Undefined name') : log
assert log =~ /\[ERROR\] schemas.Order\.avsc:\d+:\d+: \[FIELD_ADDED_WITHOUT_DEFAULT\] Field "total"/ : log
assert log.contains('for subject "dev.example.Address" under BACKWARD') : log
assert log.contains('1 compatibility finding in subject dev.example.Order') : log
assert log.contains('MojoFailureException')
return true
