package dev.handshake.example.users;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One user-service (embedded PostgreSQL, a free port, relay off) for a test class, as a static
 * {@code @RegisterExtension} field; stopped after the class, pass or fail.
 */
final class RunningService implements BeforeAllCallback, AfterAllCallback {
  /** The ADMIN_TOKEN the service runs with; {@link #api()} sends it. */
  static final String ADMIN_TOKEN = "test-admin-token-0123456789";
  private final Map<String, String> env = new HashMap<>(Map.of("HTTP_PORT", "0", "ADMIN_TOKEN", ADMIN_TOKEN));
  private UserService service;
  private ApiClient api;

  RunningService with(String name, String value) {
    env.put(name, value);
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    service = UserService.start(env, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    api = new ApiClient(service.url()).withAuthorization("Bearer " + ADMIN_TOKEN);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (service != null) {
      service.close();
    }
  }

  UserService service() {
    return service;
  }

  ApiClient api() {
    return api;
  }
}
