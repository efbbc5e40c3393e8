package dev.handshake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compat command's stable interface: exit codes, text and JSON output, and bad input. */
class CompatCommandTest {
  private static final String V1 = record("{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"email\",\"type\":\"string\"}");
  private static final String V2_OPTIONAL_NAME = record("{\"name\":\"id\",\"type\":\"string\"},"
      + "{\"name\":\"email\",\"type\":\"string\"},{\"name\":\"name\",\"type\":\"string\",\"default\":\"\"}");
  private static final String V3_WITHOUT_EMAIL = record("{\"name\":\"id\",\"type\":\"string\"},"
      + "{\"name\":\"name\",\"type\":\"string\",\"default\":\"\"}");

  @TempDir
  Path dir;

  @Test
  void compatibleChangeExitsZeroWithASummary() throws Exception {
    Result result = run("compat", "--level", "FULL_TRANSITIVE", write("v1.avsc", V1), write("v2.avsc", V2_OPTIONAL_NAME));
    assertThat(result.exitCode).isZero();
    assertThat(result.out).contains("compatible:").contains("FULL_TRANSITIVE").contains("1 earlier version");
    assertThat(result.err).isEmpty();
  }

  @Test
  void breakingChangeExitsOneWithOneLinePerFinding() throws Exception {
    String v1 = write("v1.avsc", V1);
    String v3 = write("v3.avsc", V3_WITHOUT_EMAIL);
    Result result = run("compat", "--level", "FULL", v1, write("v2.avsc", V2_OPTIONAL_NAME), v3);
    assertThat(result.exitCode).isEqualTo(1);
    assertThat(result.out.lines().filter(line -> line.contains("[FIELD_REMOVED_WITHOUT_DEFAULT]")))
        .singleElement().asString()
        .startsWith(dir.resolve("v2.avsc") + ":1:")
        .contains("\"email\" (string, no default)").contains("Fix: ")
        .endsWith("Run: handshake explain FIELD_REMOVED_WITHOUT_DEFAULT");
    assertThat(result.out).contains("INCOMPATIBLE:").contains("1 finding");
  }

  @Test
  void jsonOutputHasTheDocumentedShape() throws Exception {
    Result result = run("compat", "--level", "FORWARD", "--format", "json",
        write("v1.avsc", V1), write("v2.avsc", V3_WITHOUT_EMAIL));
    assertThat(result.exitCode).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(result.out);
    assertThat(json.get("compatible").asBoolean()).isFalse();
    assertThat(json.get("level").asText()).isEqualTo("FORWARD");
    JsonNode finding = json.get("findings").get(0);
    assertThat(finding.get("rule").asText()).isEqualTo("FIELD_REMOVED_WITHOUT_DEFAULT");
    assertThat(finding.get("message").asText()).contains("email");
    assertThat(finding.get("location").asText()).startsWith(dir.resolve("v1.avsc") + ":1:");
  }

  @Test
  void githubFormatPrintsOneAnnotationPerFinding() throws Exception {
    String v1 = write("v1.avsc", V1);
    Result result = run("compat", "--level", "FORWARD", "--format", "github", v1, write("v2.avsc", V3_WITHOUT_EMAIL));
    assertThat(result.exitCode).isEqualTo(1);
    assertThat(result.out.lines().filter(line -> line.startsWith("::error ")))
        .singleElement().asString()
        .startsWith("::error file=" + v1 + ",line=1,col=")
        .contains("title=FIELD_REMOVED_WITHOUT_DEFAULT::");
  }

  @Test
  void aSingleFileIsAFirstVersionAndCompatible() throws Exception {
    Result result = run("compat", "--level", "BACKWARD", write("v1.avsc", V1));
    assertThat(result.exitCode).isZero();
    assertThat(result.out).contains("no earlier versions");
  }

  @Test
  void malformedJsonExitsTwoNamingFileLineAndColumnWithoutStackTrace() throws Exception {
    String broken = write("broken.avsc", "{\n  \"type\": \"record\",\n  \"name\" \"X\"\n}");
    Result result = run("compat", "--level", "BACKWARD", write("v1.avsc", V1), broken);
    assertThat(result.exitCode).isEqualTo(2);
    assertThat(result.err).contains(broken + ":3:10: malformed JSON").doesNotContain("\tat ");
    assertThat(result.out).isEmpty();
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    String broken = write("broken.avsc", "{\"type\": \"record\", \"name\": \"X\", \"fields\": [{\"name\": \"a\", \"type\": \"nope\"}]}");
    Result result = run("compat", "--level", "BACKWARD", "--verbose", broken);
    assertThat(result.exitCode).isEqualTo(2);
    assertThat(result.err).contains("invalid Avro schema").contains("nope").contains("\tat ");
  }

  @Test
  void missingFileExitsTwo() {
    Result result = run("compat", "--level", "BACKWARD", dir.resolve("absent.avsc").toString());
    assertThat(result.exitCode).isEqualTo(2);
    assertThat(result.err).contains("absent.avsc").contains("not found");
  }

  @Test
  void unknownLevelExitsTwoListingTheLevels() throws Exception {
    Result result = run("compat", "--level", "STRICT", write("v1.avsc", V1));
    assertThat(result.exitCode).isEqualTo(2);
    assertThat(result.err).contains("\"STRICT\"").contains("--level").contains("FULL_TRANSITIVE");
  }

  @Test
  void usageErrorsExitTwoAndHelpExitsZero() {
    Result noFiles = run("compat", "--level", "BACKWARD");
    assertThat(noFiles.exitCode).isEqualTo(2);
    assertThat(noFiles.err).contains("FILE.avsc").contains("--help");

    Result help = run("compat", "--help");
    assertThat(help.exitCode).isZero();
    assertThat(help.out).contains("--level").contains("--format").contains("--reference");
  }

  private String write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file.toString();
  }

  private static String record(String fields) {
    return "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"cli\",\"fields\":[" + fields + "]}";
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = HandshakeCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exitCode, out.toString(), err.toString());
  }

  private record Result(int exitCode, String out, String err) {
  }
}
