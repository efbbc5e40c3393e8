package dev.handshake.maven;

import dev.handshake.core.InvalidInputException;
import dev.handshake.core.registry.RegisteredSchema;
import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.core.registry.SubjectCheck;
import dev.handshake.core.registry.SubjectCheckResult;
import dev.handshake.core.report.Finding;
import dev.handshake.core.rules.RuleDocs;
import dev.handshake.core.report.TextReportWriter;
import dev.handshake.core.schema.SchemaFile;
import dev.handshake.core.schema.SchemaLoader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Registers each configured schema under its subject. Every schema is checked first, under the levels the
 * registry applies: if any is incompatible nothing is registered and the build fails with all findings, so a
 * release never ends half-registered. An identical schema keeps its id.
 */
@Mojo(name = "register", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class RegisterMojo extends AbstractRegistryMojo {

  /** Subject → schema file, registered in this order. */
  @Parameter
  Map<String, File> subjects = new LinkedHashMap<>();

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    if (subjects == null || subjects.isEmpty()) {
      throw new MojoFailureException("handshake:register has no <subjects>: add <subjects><my.Subject>"
          + "path/to/Schema.avsc</my.Subject></subjects>");
    }
    RestSchemaRegistry registry = restRegistry("register");
    SubjectCheck check = new SubjectCheck(registry);
    SchemaLoader loader = new SchemaLoader();
    Map<String, SchemaFile> schemas = new LinkedHashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, File> entry : subjects.entrySet()) {
      SchemaFile schema = load(loader, entry.getKey(), entry.getValue());
      schemas.put(entry.getKey(), schema);
      SubjectCheckResult result = check.check(entry.getKey(), schema, null);
      result.report().findings().forEach(finding -> getLog().error(line(finding)));
      if (!result.compatible()) {
        getLog().error(result.summary());
        findings.addAll(result.report().findings());
      }
    }
    if (!findings.isEmpty()) {
      throw new MojoFailureException("nothing was registered: " + findings.size() + " compatibility finding"
          + (findings.size() == 1 ? "" : "s") + ":" + System.lineSeparator() + TextReportWriter.lines(findings, new RuleDocs(rulesDocsUrl))
          + "Fix the schemas as each finding says; check with " + rerun("check") + " before deploying.");
    }
    for (Map.Entry<String, SchemaFile> entry : schemas.entrySet()) {
      String subject = entry.getKey();
      RegistrySchema schema = RegistrySchema.of(entry.getValue().text());
      int id = registry.register(subject, schema);
      String version = registry.lookup(subject, schema).map(RegisteredSchema::version).map(String::valueOf)
          .orElse("?");
      getLog().info("registered " + entry.getValue().displayPath() + " as subject " + subject + " version "
          + version + ", id " + id + " at " + registry.describe());
    }
  }

  private SchemaFile load(SchemaLoader loader, String subject, File file) {
    if (file == null) {
      throw new InvalidInputException("<subjects><" + subject + "> has no file; give the .avsc path");
    }
    Path path = resolve(file);
    try {
      return loader.parse(display(path), Files.readString(path, StandardCharsets.UTF_8), List.of());
    } catch (IOException e) {
      throw new InvalidInputException("<subjects><" + subject + ">: cannot read schema file " + path + ": "
          + e.getMessage(), e);
    }
  }
}
