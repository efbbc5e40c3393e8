package dev.handshake.core.gate;

import dev.handshake.core.contract.MessageContract;
import dev.handshake.core.contract.MessageInteraction;
import dev.handshake.core.contract.ReaderSchemas;
import dev.handshake.core.rules.Facts;
import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.ValuePath;
import dev.handshake.core.rules.Violation;
import dev.handshake.core.schema.SchemaFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The consumer's side of can-i-deploy: its own contracts' reader schemas against the writer schemas a producer
 * has deployed, without the producer's code (there is no event to build, only the schemas it writes with). Each
 * interaction gets the gate's reader-schema step and its static check, and a finding when the producer writes
 * no schema for the record the consumer reads.
 */
public final class DeployedWriterCheck {

  public GateReport check(List<MessageContract> contracts, WriterSchemas writers, String writersName) {
    ReaderSchemas readers = new ReaderSchemas();
    ConsumerSchemaCheck schemaCheck = new ConsumerSchemaCheck(readers);
    List<GateReport.Check> checks = new ArrayList<>();
    for (MessageContract contract : contracts) {
      for (MessageInteraction interaction : contract.interactions()) {
        InteractionFindings findings = new InteractionFindings(contract, interaction);
        Optional<SchemaFile> reader = findings.readerSchema(readers);
        if (reader.isPresent()) {
          Optional<SchemaFile> writer = writers.forReader(reader.get().schema());
          if (writer.isPresent()) {
            schemaCheck.check(reader.get(), writer.get(), findings);
          } else {
            String record = reader.get().schema().getFullName();
            findings.add(new Violation(Rule.WRITER_SCHEMA_MISSING, interaction.pointer(), ValuePath.NONE,
                "Record \"" + record + "\", which " + findings.who() + " reads, is not among the schemas of "
                    + writersName + ".",
                "Check the record's name and namespace in the consumer's reader schema, or record the producer "
                    + "version that writes it (handshake record-deployment ... --schemas DIR).", Facts.NONE));
          }
        }
        checks.add(new GateReport.Check(contract.consumer(), contract.displayPath(), interaction.description(),
            findings.findings()));
      }
    }
    return new GateReport(contracts.size(), 0, checks);
  }
}
