import dev.handshake.maven.it.ItRegistry

try {
  def parse = { File f -> new org.apache.avro.Schema.Parser().parse(f) }
  def created = 'dev.handshake.example.user.UserCreated'
  def history = new File(basedir, "target/downloaded/history/${created}")
  assert new File(history, 'v1.avsc').isFile() && new File(history, 'v2.avsc').isFile()
  assert parse(new File(history, 'v2.avsc')) == parse(new File(basedir, "schemas/history/${created}/v2.avsc"))
  assert new File(basedir, 'target/downloaded/history/dev.handshake.example.user.UserDeleted/v1.avsc').isFile()
  assert !new File(basedir, 'target/downloaded/history/unrelated-value').exists()
  def latest = new File(basedir, "target/latest/${created}.avsc")
  assert parse(latest).getField('displayName') != null
  assert latest.text.contains('"type" : "record"')
  // What was downloaded is a valid offline history: the offline registry reads it back.
  def offline = new dev.handshake.core.history.LocalSchemaRegistry(new File(basedir, 'target/downloaded').toPath())
  assert offline.versions(created) == [1, 2]
  // and it keeps the levels the registry applies, global and per subject
  assert offline.effectiveCompatibility(created).name() == 'FULL_TRANSITIVE'
  assert offline.globalCompatibility() == ItRegistry.client(basedir).globalCompatibility()
  assert offline.subjectCompatibility('dev.handshake.example.user.UserDeleted').isEmpty()
} finally {
  ItRegistry.stop(basedir)
}
return true
