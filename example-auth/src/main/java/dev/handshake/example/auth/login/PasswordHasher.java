package dev.handshake.example.auth.login;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, slow password hashes with PBKDF2-HMAC-SHA256, the slow KDF the JDK ships. The iteration count is stored
 * with each hash, so raising it later leaves existing passwords verifiable.
 */
public final class PasswordHasher {
  public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 600_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private final SecureRandom random = new SecureRandom();
  private final int iterations;

  public PasswordHasher(int iterations) {
    if (iterations < 1_000) {
      throw new IllegalArgumentException("PBKDF2 needs at least 1000 iterations, got " + iterations);
    }
    this.iterations = iterations;
  }

  public StoredPassword hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new StoredPassword(ALGORITHM, iterations, salt, derive(password, salt, iterations));
  }

  /** Constant-time comparison, so the answer's timing says nothing about how much of the hash matched. */
  public boolean matches(char[] password, StoredPassword stored) {
    if (!ALGORITHM.equals(stored.algorithm())) {
      return false;
    }
    return MessageDigest.isEqual(derive(password, stored.salt(), stored.iterations()), stored.hash());
  }

  /**
   * Spends the same time as a real check when there is nothing to check against (unknown user, no password set),
   * so a wrong email cannot be told from a wrong password by how long the answer takes.
   */
  public void burnEquivalentTime(char[] password) {
    derive(password, new byte[SALT_BYTES], iterations);
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    KeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
    }
  }

  /** A hash as stored: algorithm, iteration count, salt and derived key. */
  public record StoredPassword(String algorithm, int iterations, byte[] salt, byte[] hash) {
  }
}
