import dev.handshake.maven.it.DocSnippets

def root = DocSnippets.repositoryRoot(basedir)
DocSnippets.copyTree(root.resolve('contracts'), basedir.toPath().resolve('contracts'))
DocSnippets.copyTree(root.resolve('schemas'), basedir.toPath().resolve('schemas'))
def snippet = DocSnippets.extract(root.resolve('README.md'), 'readme-plugin')
def service = basedir.toPath().resolve('user-service')
DocSnippets.paste(service.resolve('pom-template.xml'), service.resolve('pom.xml'), snippet, [:])
return true
