import dev.handshake.maven.it.DocSnippets
import dev.handshake.maven.it.ItRegistry

def url = ItRegistry.start(basedir)
def root = DocSnippets.repositoryRoot(basedir)
def snippet = DocSnippets.extract(root.resolve('docs/registry.md'), 'registry-goals')
def producer = basedir.toPath().resolve('producer')
DocSnippets.paste(producer.resolve('pom-template.xml'), producer.resolve('pom.xml'), snippet,
    ['http://localhost:8081': url])
return true
