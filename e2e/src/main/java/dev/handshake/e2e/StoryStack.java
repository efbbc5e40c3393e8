package dev.handshake.e2e;

import java.util.Map;

/**
 * The stack the story runs on, whoever started it: demo/stack.sh's processes ({@link ScriptStack}, for
 * demo/story.sh) or the scenario tests' own ({@code LocalStack}, for StoryIT).
 */
public interface StoryStack {

  ServiceClient userService();

  ServiceClient authService();

  String kafkaBootstrapServers();

  String registryUrl();

  /** Stops user-service (SIGTERM) and leaves it stopped. */
  void stopUserService() throws Exception;

  /** Starts user-service again on its data and port; {@code extra} adds or overrides its settings. */
  void startUserService(Map<String, String> extra) throws Exception;

  /** Stops auth-service (SIGTERM) and leaves it stopped. */
  void stopAuthService() throws Exception;

  /** Starts auth-service again on its data and port; {@code extra} adds or overrides its settings. */
  void startAuthService(Map<String, String> extra) throws Exception;

  /** A second auth-service instance on a new, empty database named {@code database}. */
  ServiceJar startAuthInstance(String database, Map<String, String> extra) throws Exception;
}
