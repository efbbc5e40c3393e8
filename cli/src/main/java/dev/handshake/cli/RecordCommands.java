package dev.handshake.cli;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.deploy.ArtifactCoordinates;
import dev.handshake.core.deploy.Environment;
import dev.handshake.core.deploy.EnvironmentChanges;
import dev.handshake.core.deploy.EnvironmentFiles;
import dev.handshake.core.deploy.ServiceVersion;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code record-deployment}, {@code record-release} and {@code record-undeployment}: edit
 * {@code environments/<env>.json} as the Pact broker's commands of the same names edit its database. The files
 * are committed and reviewed; git is the audit log.
 */
final class RecordCommands {
  private RecordCommands() {
  }

  /** The options every record command shares, and the one place the environment file is changed. */
  abstract static class Base implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // --version is the service's version here, so picocli's standard -V/--version cannot be mixed in.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment (its file is "
        + "ENVIRONMENTS_DIR/ENV.json, created when missing).")
    String environment;

    @Option(names = "--service", required = true, paramLabel = "NAME",
        description = "The service, as its contracts name it (consumer or provider name).")
    String service;

    @Option(names = "--environments-dir", paramLabel = "DIR", defaultValue = EnvironmentFiles.DEFAULT_DIRECTORY,
        description = "The environments directory. Default: environments.")
    Path environmentsDir;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    abstract Environment change(Environment environment);

    abstract String done();

    @Override
    public Integer call() {
      EnvironmentFiles files = new EnvironmentFiles(environmentsDir);
      files.update(environment, this::change);
      PrintWriter out = spec.commandLine().getOut();
      out.println(done() + " in " + files.file(environment));
      out.flush();
      return HandshakeCli.EXIT_OK;
    }
  }

  /** A recorded version and where its contracts and schemas are. */
  abstract static class Recording extends Base {
    @Option(names = "--version", required = true, paramLabel = "VERSION", description = "The version deployed.")
    String version;

    @Option(names = "--contracts", paramLabel = "COORDS|PATH",
        description = "Where this version's contracts (as a consumer) are: Maven coordinates "
            + "groupId:artifactId:version[:classifier][:type] of its contracts artifact, or a contract file or "
            + "directory (recorded relative to the environment file).")
    String contracts;

    @Option(names = "--schemas", paramLabel = "DIR",
        description = "As a producer: the directory of the .avsc files this version writes (recorded relative to "
            + "the environment file).")
    Path schemas;

    @Option(names = "--subject", paramLabel = "SUBJECT",
        description = "As a producer: a registry subject this version writes to; repeat for several.")
    List<String> subjects = new ArrayList<>();

    ServiceVersion recorded() {
      Optional<String> artifact = Optional.empty();
      Optional<String> contractsPath = Optional.empty();
      if (contracts != null) {
        Optional<ArtifactCoordinates> coordinates = ArtifactCoordinates.tryParse(contracts);
        if (coordinates.isPresent()) {
          artifact = Optional.of(contracts.strip());
        } else {
          contractsPath = Optional.of(relativeToEnvironments(Path.of(contracts), "--contracts",
              "Maven coordinates " + ArtifactCoordinates.FORM + ", or an existing contract file or directory"));
        }
      }
      Optional<String> schemasPath = Optional.ofNullable(schemas)
          .map(s -> relativeToEnvironments(s, "--schemas", "an existing directory of .avsc files"));
      return new ServiceVersion(version, artifact, contractsPath, schemasPath, subjects);
    }

    /** The file records paths relative to itself, so the directory can move with the repository. */
    private String relativeToEnvironments(Path given, String option, String expected) {
      Path absolute = given.toAbsolutePath().normalize();
      if (!Files.exists(absolute)) {
        throw new InvalidInputException(option + " " + given + " does not exist; give " + expected + ".");
      }
      return environmentsDir.toAbsolutePath().normalize().relativize(absolute).toString().replace('\\', '/');
    }
  }

  @Command(name = "record-deployment",
      description = {"Records that VERSION of the service is now deployed in ENV, replacing whatever version was "
          + "recorded there, as Pact's record-deployment does.",
          "Commit the changed file: git is the audit log, and the change is reviewed in a pull request."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:recorded", "2:bad input (a malformed environment file, a path that does not exist)",
          "3:the environment file could not be read or written",
          "4:an internal error, a bug in Handshake (printed with where to report it)"},
      footerHeading = "%nExamples:%n",
      footer = {"  handshake record-deployment --env prod --service auth-service \\",
          "      --version 1.5.0 \\",
          "      --contracts dev.handshake.example:auth-service-contracts:1.5.0",
          "  handshake record-deployment --env prod --service user-service \\",
          "      --version 2.3.0 --schemas schemas/user-events"})
  static final class Deployment extends Recording {
    @Override
    Environment change(Environment environment) {
      return EnvironmentChanges.recordDeployment(environment, service, recorded());
    }

    @Override
    String done() {
      return "recorded " + service + " " + version + " as the version deployed";
    }
  }

  @Command(name = "record-release",
      description = {"Records that VERSION of the service is released to ENV beside the versions already recorded, "
          + "as Pact's record-release does.",
          "For libraries, mobile apps, anything whose earlier versions stay in use. Remove one with "
              + "record-undeployment --version."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:recorded", "2:bad input (a malformed environment file, a path that does not exist)",
          "3:the environment file could not be read or written",
          "4:an internal error, a bug in Handshake (printed with where to report it)"},
      footerHeading = "%nExamples:%n",
      footer = {"  handshake record-release --env prod --service auth-service --version 1.6.0 \\",
          "      --contracts contracts/auth-service-1.6.0"})
  static final class Release extends Recording {
    @Override
    Environment change(Environment environment) {
      return EnvironmentChanges.recordRelease(environment, service, recorded());
    }

    @Override
    String done() {
      return "recorded " + service + " " + version + " as released";
    }
  }

  @Command(name = "record-undeployment",
      description = {"Records that the service, or only --version of it, is no longer in ENV, as Pact's "
          + "record-undeployment and record-support-ended do."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:removed", "2:bad input (the service or version is not recorded there)",
          "3:the environment file could not be read or written",
          "4:an internal error, a bug in Handshake (printed with where to report it)"},
      footerHeading = "%nExamples:%n",
      footer = {"  handshake record-undeployment --env prod --service auth-service \\",
          "      --version 1.4.0"})
  static final class Undeployment extends Base {
    @Option(names = "--version", paramLabel = "VERSION",
        description = "Only this version; without it every recorded version of the service is removed.")
    String version;

    @Override
    Environment change(Environment environment) {
      return EnvironmentChanges.recordUndeployment(environment, service, Optional.ofNullable(version));
    }

    @Override
    String done() {
      return "removed " + service + (version == null ? "" : " " + version);
    }
  }
}
