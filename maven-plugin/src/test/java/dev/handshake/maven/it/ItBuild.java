package dev.handshake.maven.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/** What every invoker scenario's verify.groovy reads first: the build's console and the verify goal's report. */
public final class ItBuild {
  private ItBuild() {
  }

  /** The scenario's console output (build.log). */
  public static String log(File basedir) throws IOException {
    return Files.readString(new File(basedir, "build.log").toPath(), StandardCharsets.UTF_8);
  }

  /**
   * The verify goal's JSON report (target/handshake/verify.json) as Groovy reads JSON, after checking that the
   * goal wrote every report: text, GitHub annotations and the field-usage map beside it, JUnit XML where
   * Surefire's go.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> verifyReport(File basedir) throws IOException {
    for (String report : new String[] {"target/handshake/verify.txt", "target/handshake/verify.github.txt",
        "target/surefire-reports/TEST-handshake-verify.xml", "target/handshake/usage.md",
        "target/handshake/usage.json"}) {
      if (!new File(basedir, report).isFile()) {
        throw new AssertionError("the verify goal wrote no " + report + " in " + basedir);
      }
    }
    return new ObjectMapper().readValue(new File(basedir, "target/handshake/verify.json"), Map.class);
  }

  /** The can-i-deploy goal's answer (target/handshake/can-i-deploy.json) as Groovy reads JSON. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> canIDeployReport(File basedir) throws IOException {
    File answer = new File(basedir, "target/handshake/can-i-deploy.json");
    if (!answer.isFile()) {
      throw new AssertionError("the can-i-deploy goal wrote no " + answer);
    }
    return new ObjectMapper().readValue(answer, Map.class);
  }

  /** The field-usage map the verify goal wrote (target/handshake/usage.json) as Groovy reads JSON. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> usage(File basedir) throws IOException {
    return new ObjectMapper().readValue(new File(basedir, "target/handshake/usage.json"), Map.class);
  }
}
