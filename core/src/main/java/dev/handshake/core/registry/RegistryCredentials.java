package dev.handshake.core.registry;

import dev.handshake.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How the client authenticates: nothing, HTTP basic ({@code user:password}, Confluent's
 * {@code basic.auth.user.info}) or a bearer token. The secret only ever leaves this class as an
 * {@code Authorization} header value; {@link #toString()} and every message show the user name at most.
 */
public final class RegistryCredentials {
  private static final RegistryCredentials NONE = new RegistryCredentials(null, null);

  private final String authorization;
  private final String description;

  private RegistryCredentials(String authorization, String description) {
    this.authorization = authorization;
    this.description = description;
  }

  public static RegistryCredentials none() {
    return NONE;
  }

  /**
   * @param userInfo {@code user:password}; the password may contain ':'
   * @param parameterName how the user passed it, for the error message ({@code --user-info})
   */
  public static RegistryCredentials basic(String userInfo, String parameterName) {
    int colon = userInfo == null ? -1 : userInfo.indexOf(':');
    if (colon <= 0) {
      throw new InvalidInputException(parameterName + " must have the form user:password (the value is not "
          + "shown, it may hold a secret)");
    }
    String user = userInfo.substring(0, colon);
    String header = "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    return new RegistryCredentials(header, "basic auth as \"" + user + "\"");
  }

  public static RegistryCredentials bearer(String token, String parameterName) {
    if (token == null || token.isBlank()) {
      throw new InvalidInputException(parameterName + " is empty; pass the bearer token the registry expects");
    }
    return new RegistryCredentials("Bearer " + token.trim(), "bearer token");
  }

  /** Picks basic auth or a bearer token, whichever is set (both is a mistake the user should hear about). */
  public static RegistryCredentials of(String userInfo, String userInfoParameter, String bearerToken,
                                       String bearerParameter) {
    boolean hasUser = userInfo != null && !userInfo.isBlank();
    boolean hasToken = bearerToken != null && !bearerToken.isBlank();
    if (hasUser && hasToken) {
      throw new InvalidInputException("both " + userInfoParameter + " and " + bearerParameter
          + " are set; pass one of them");
    }
    if (hasUser) {
      return basic(userInfo.trim(), userInfoParameter);
    }
    return hasToken ? bearer(bearerToken, bearerParameter) : none();
  }

  /** The {@code Authorization} header value; never log it. */
  Optional<String> authorizationHeader() {
    return Optional.ofNullable(authorization);
  }

  @Override
  public String toString() {
    return description == null ? "no credentials" : description;
  }
}
