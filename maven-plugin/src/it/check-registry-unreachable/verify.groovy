import dev.handshake.maven.it.ItBuild

def log = ItBuild.log(basedir)
assert log.contains('cannot reach the schema registry at http://127.0.0.1:1')
assert log.contains('<schemaRegistryUrls>')
assert log.contains('-Dhandshake.schemaRegistryUrls=')
assert log.contains('MojoExecutionException')
assert !log.contains('MojoFailureException')
return true
