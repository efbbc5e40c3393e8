package dev.handshake.core.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Where a finding points: a file with a 1-based line and column (0 when unknown) and the JSON pointer
 * inside the schema or contract document.
 */
public record Location(String file, int line, int column, String jsonPointer) {

  public static Location ofFile(String file) {
    return new Location(file, 0, 0, "");
  }

  /** Where Jackson stopped reading {@code file}: its line and column, or the file alone when Jackson does not say. */
  public static Location ofJsonError(String file, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null ? ofFile(file) : new Location(file, at.getLineNr(), at.getColumnNr(), "");
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
