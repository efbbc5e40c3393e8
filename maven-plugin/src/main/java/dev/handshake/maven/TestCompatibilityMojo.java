package dev.handshake.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Confluent's goal name for {@link CheckMojo}: {@code test-compatibility} in a pom or on the command line
 * written for Confluent's {@code kafka-schema-registry-maven-plugin} runs Handshake's check, with the same
 * parameters ({@code schemaRegistryUrls}, {@code subjects}, {@code references}, {@code userInfoConfig}...).
 */
@Mojo(name = "test-compatibility", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class TestCompatibilityMojo extends CheckMojo {
}
