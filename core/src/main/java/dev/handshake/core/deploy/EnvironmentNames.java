package dev.handshake.core.deploy;

import dev.handshake.core.InvalidInputException;
import java.util.regex.Pattern;

/** Environment and service names become file names and JSON keys: letters, digits, '.', '_' and '-'. */
final class EnvironmentNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private EnvironmentNames() {
  }

  static String requireName(String name, String what, String where) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(where + ": " + what + " \"" + name + "\" is not a name; use letters, digits, "
          + "'.', '_' and '-', starting with a letter or digit (e.g. prod, auth-service).");
    }
    return name;
  }
}
