import dev.handshake.maven.it.DocSnippets

def root = DocSnippets.repositoryRoot(basedir)
def snippet = DocSnippets.extract(root.resolve('docs/verify.md'), 'verify-artifacts')
def producer = basedir.toPath().resolve('producer')
// The contracts jar verify-setup-contracts installs stands in for the docs' example coordinates.
DocSnippets.paste(producer.resolve('pom-template.xml'), producer.resolve('pom.xml'), snippet,
    ['dev.handshake.example:auth-service-contracts:1.4.0': 'dev.handshake.it:auth-service-contracts:1.0.0'])
return true
