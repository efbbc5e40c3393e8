package dev.handshake.core.registry;

import dev.handshake.core.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A registry connection as a front end configures it (the Maven goals' parameters, the CLI's options), with
 * the name each setting has there, so a refusal names what to fix. The one place a front end's settings
 * become a {@link RestSchemaRegistry}.
 *
 * @param urls the registry base URLs, tried in turn; blank entries are ignored
 * @param userInfo basic credentials {@code user:password}, or null
 * @param bearerToken a bearer token, or null
 */
public record RegistryConnection(List<String> urls, String urlsSetting, String userInfo, String userInfoSetting,
                                 String bearerToken, String bearerTokenSetting, int timeoutSeconds,
                                 String timeoutSetting) {
  public RegistryConnection {
    urls = urls == null ? List.of()
        : urls.stream().filter(Objects::nonNull).filter(url -> !url.isBlank()).toList();
  }

  public boolean hasUrls() {
    return !urls.isEmpty();
  }

  /** The client for these settings; bad settings (no URL, a timeout below one second) are bad input. */
  public RestSchemaRegistry connect() {
    if (!hasUrls()) {
      throw new InvalidInputException(urlsSetting + " names no registry URL; give one, e.g. http://localhost:8081");
    }
    if (timeoutSeconds <= 0) {
      throw new InvalidInputException(timeoutSetting + " must be a positive number of seconds, got "
          + timeoutSeconds);
    }
    RegistryCredentials credentials = RegistryCredentials.of(userInfo, userInfoSetting, bearerToken,
        bearerTokenSetting);
    return new RestSchemaRegistry(RegistryClientConfig.of(urls, urlsSetting)
        .withCredentials(credentials)
        .withTimeouts(RegistryClientConfig.DEFAULT_CONNECT_TIMEOUT, Duration.ofSeconds(timeoutSeconds)));
  }
}
