package dev.handshake.example.support;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The operator's key to a service's admin endpoints: {@code Authorization: Bearer <token>}. The token is
 * {@code ADMIN_TOKEN}, or, when that is unset, a random one generated at start and written to
 * {@code DATA_DIR/admin-token} (a new temporary directory without {@code DATA_DIR}) readable by its owner only;
 * the service prints the file's path, never the token.
 */
public final class AdminToken {
  public static final String VARIABLE = "ADMIN_TOKEN";
  public static final String FILE_NAME = "admin-token";
  /** Shorter tokens are guessable; 16 bytes is what the generated token's hex holds four times over. */
  public static final int MIN_LENGTH = 16;
  public static final int MAX_LENGTH = 1024;
  private static final String BEARER = "Bearer ";

  /** Hashed so that comparing it costs the same whatever the length of what a caller sends. */
  private final byte[] digest;

  private AdminToken(String token) {
    this.digest = sha256(token);
  }

  /** The token for testing code that holds it directly. */
  public static AdminToken of(String token) {
    return new AdminToken(token);
  }

  /**
   * {@code ADMIN_TOKEN}, checked for length and characters, or empty when it is unset. Read before anything
   * starts, so a wrong one fails fast.
   */
  public static Optional<AdminToken> configured(Settings settings) {
    return settings.optional(VARIABLE).map(token -> {
      if (token.length() < MIN_LENGTH || token.length() > MAX_LENGTH
          || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new InvalidSettingException(VARIABLE, VARIABLE + " is not valid: set it to " + MIN_LENGTH + " to "
            + MAX_LENGTH + " printable ASCII characters without spaces, e.g. the output of: openssl rand -hex 32");
      }
      return new AdminToken(token);
    });
  }

  /**
   * A random token written to {@code DATA_DIR/admin-token} readable by its owner only; {@code out} gets the file's
   * path. Called once the other settings proved right, so a failed start leaves no token behind.
   */
  public static AdminToken generate(Settings settings, String serviceName, PrintStream out) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    Path file = write(settings, serviceName, token);
    out.println("admin token: " + file + " (send it as Authorization: Bearer <token> on the admin endpoints;"
        + " set " + VARIABLE + " to choose it)");
    return new AdminToken(token);
  }

  /** A handler that lets {@code handler} run only for a caller holding the token (else 401 or 403). */
  public Handler guard(Handler handler) {
    return ctx -> {
      require(ctx);
      handler.handle(ctx);
    };
  }

  /** 401 without an {@code Authorization: Bearer} header, 403 with a wrong token; returns when it is right. */
  public void require(Context ctx) {
    Optional<String> presented = presented(ctx);
    if (presented.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(401, "Authorization",
          "this endpoint needs the admin token: send Authorization: Bearer <" + VARIABLE + ">");
    }
    if (!matches(presented.get())) {
      throw new ApiException(403, "Authorization", "the admin token sent is not this service's " + VARIABLE);
    }
  }

  /** True when the request carries this token. */
  public boolean presentIn(Context ctx) {
    return presented(ctx).map(this::matches).orElse(false);
  }

  /** Constant-time: the comparison's duration says nothing about how much of the token was right. */
  public boolean matches(String candidate) {
    return MessageDigest.isEqual(digest, sha256(candidate));
  }

  private static Optional<String> presented(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    return Optional.of(header.substring(BEARER.length()).trim());
  }

  private static Path write(Settings settings, String serviceName, String token) {
    Optional<Path> dataDir = settings.path("DATA_DIR");
    try {
      Path directory = dataDir.isPresent() ? Files.createDirectories(dataDir.get())
          : Files.createTempDirectory(serviceName + "-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path file = directory.resolve(FILE_NAME);
      if (dataDir.isEmpty()) {
        // Like the embedded database without DATA_DIR, gone when the process ends (deleted in reverse order).
        directory.toFile().deleteOnExit();
        file.toFile().deleteOnExit();
      }
      // Created owner-only before the token is written, then moved over any older file: never readable by others.
      Path partial = Files.createTempFile(directory, FILE_NAME, ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(partial, token + "\n", StandardCharsets.US_ASCII);
      try {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException | UnsupportedOperationException e) {
      String variable = dataDir.isPresent() ? "DATA_DIR" : VARIABLE;
      throw new InvalidSettingException(variable, "could not write the generated admin token under "
          + dataDir.map(Path::toString).orElse("a temporary directory") + " (" + e.getMessage() + "): set DATA_DIR "
          + "to a writable directory, or set " + VARIABLE, e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
