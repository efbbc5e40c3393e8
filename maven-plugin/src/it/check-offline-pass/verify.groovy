import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
assert log.contains('against the offline history in')
['UserCreated', 'UserUpdated', 'UserDeleted'].each { name ->
  assert log.contains("(schemas/user-events/${name}.avsc) for subject \"dev.handshake.example.user.${name}\" under")
}
// UserDeleted is FULL_TRANSITIVE in compatibility.properties, the others follow default=BACKWARD.
assert log.contains('under FULL_TRANSITIVE (the subject\'s level')
assert log.contains('under BACKWARD (the registry\'s global level')
assert !log.contains('INCOMPATIBLE')
assert log.contains('BUILD SUCCESS')
return true
