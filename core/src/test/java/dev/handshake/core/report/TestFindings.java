package dev.handshake.core.report;

import dev.handshake.core.rules.Facts;
import dev.handshake.core.rules.Rule;
import dev.handshake.core.rules.ValuePath;
import dev.handshake.core.rules.Violation;
import dev.handshake.core.source.Location;

/** Findings for the report writers' tests, made as every finding is: by {@link Finding#of}. */
public final class TestFindings {
  private TestFindings() {
  }

  public static Finding finding(Rule rule, Location location, String message, String fix) {
    return Finding.of(new Violation(rule, "", ValuePath.NONE, message, fix, Facts.NONE), location);
  }
}
