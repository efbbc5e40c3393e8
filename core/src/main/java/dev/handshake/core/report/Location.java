package dev.handshake.core.report;

/**
 * Where a finding points: a file with a 1-based line and column (0 when unknown) and the JSON pointer
 * inside the schema or contract document.
 */
public record Location(String file, int line, int column, String jsonPointer) {

  public static Location ofFile(String file) {
    return new Location(file, 0, 0, "");
  }

  /**
   * {@code file:line:col}, the form IDEs and CI annotations link to; without a line (a schema a registry
   * served) {@code source at /json/pointer}.
   */
  public String render() {
    if (line <= 0) {
      return jsonPointer == null || jsonPointer.isEmpty() ? file : file + " at " + jsonPointer;
    }
    return file + ":" + line + ":" + Math.max(column, 1);
  }

  @Override
  public String toString() {
    return render();
  }
}
