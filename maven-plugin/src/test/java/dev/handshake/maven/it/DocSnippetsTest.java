package dev.handshake.maven.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocSnippetsTest {
  @TempDir
  Path dir;

  @Test
  void extractsTheFencedBlockAfterItsMarker() throws Exception {
    Path md = Files.writeString(dir.resolve("a.md"), "text\n<!-- snippet: one -->\n```xml\n<a/>\n<b/>\n```\nmore\n");
    assertThat(DocSnippets.extract(md, "one")).isEqualTo("<a/>\n<b/>\n");
    assertThatThrownBy(() -> DocSnippets.extract(md, "two")).hasMessageContaining("<!-- snippet: two -->");
  }

  @Test
  void pastesIntoTheTemplateAndRefusesAReplacementTheSnippetLacks() throws Exception {
    Path template = Files.writeString(dir.resolve("t.xml"), "<plugins>\n<!-- snippet -->\n</plugins>\n");
    Path pom = dir.resolve("pom.xml");
    DocSnippets.paste(template, pom, "<url>http://localhost:8081</url>\n", Map.of("http://localhost:8081", "X"));
    assertThat(Files.readString(pom)).isEqualTo("<plugins>\n<url>X</url>\n\n</plugins>\n");
    assertThatThrownBy(() -> DocSnippets.paste(template, pom, "<a/>", Map.of("http://localhost:8081", "X")))
        .hasMessageContaining("no longer contains \"http://localhost:8081\"");
  }
}
