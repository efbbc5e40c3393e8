package dev.handshake.cli;

import dev.handshake.core.InvalidInputException;
import dev.handshake.registry.RegistryServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "repair", mixinStandardHelpOptions = true,
    description = {
        "Cuts a corrupted registry log at its first bad frame, with the registry stopped.",
        "The registry refuses to start on a log with a bad frame followed by intact ones and names this command. "
            + "The cut bytes are kept in registry.log.cut-<time> beside the log (never deleted automatically), "
            + "and new schemas get ids past every id the cut part may have held, so no id acknowledged before "
            + "the damage is ever given to another schema. Re-register what was cut from your sources."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:repaired, or nothing to repair", "2:bad input (no log there)",
        "3:cannot repair (the registry is running, I/O error)"},
    footerHeading = "%nExamples:%n",
    footer = "  handshake registry repair --data-dir ~/.handshake/registry")
final class RegistryRepairCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "Where the store lives.")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dataDir)) {
      throw new InvalidInputException("--data-dir " + dataDir + " is not a directory: pass the directory the "
          + "registry was started with");
    }
    String report;
    try {
      report = RegistryServer.repair(dataDir);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("--data-dir " + dataDir + " holds no registry.log: pass the directory the "
          + "registry was started with");
    } catch (IOException e) {
      throw new dev.handshake.core.HandshakeException("cannot repair the registry log in " + dataDir + ": "
          + e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(report);
    out.flush();
    return HandshakeCli.EXIT_OK;
  }
}
