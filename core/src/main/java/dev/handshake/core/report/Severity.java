package dev.handshake.core.report;

public enum Severity {
  ERROR,
  WARNING,
  INFO
}
