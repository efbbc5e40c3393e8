import dev.handshake.maven.it.DocSnippets
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

def root = DocSnippets.repositoryRoot(basedir)
def scenario = basedir.toPath()
def snippet = DocSnippets.extract(root.resolve('junit5/README.md'), 'junit5-contracts')
DocSnippets.paste(scenario.resolve('pom-template.xml'), scenario.resolve('pom.xml'), snippet,
    ['${project.basedir}/../contracts': '${project.basedir}/contracts'])
// what the consumer tests write (copied to target/pacts in the test phase), and a committed copy that lacks
// one of its interactions
def contract = root.resolve('contracts/auth-service-user-service.json')
def written = scenario.resolve('written-by-tests')
written.toFile().mkdirs()
java.nio.file.Files.copy(contract, written.resolve('auth-service-user-service.json'))
def outdated = new JsonSlurper().parse(contract.toFile())
outdated.interactions = outdated.interactions.findAll { it.description != 'a user was deleted' }
scenario.resolve('contracts').toFile().mkdirs()
scenario.resolve('contracts/auth-service-user-service.json').toFile().text = JsonOutput.prettyPrint(JsonOutput.toJson(outdated))
// a stale pact from an earlier run, which clean-pacts must remove before the tests
scenario.resolve('target/pacts').toFile().mkdirs()
scenario.resolve('target/pacts/auth-service-old-provider.json').toFile().text = '{"interactions": []}'
return true
