package au.com.dius.pact.provider;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Same name and shape as pact-jvm's annotation, so core's scanner can be tested without pulling pact-jvm's
 * provider runner into core; the plugin's integration tests use the real one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PactVerifyProvider {
  String value();
}
