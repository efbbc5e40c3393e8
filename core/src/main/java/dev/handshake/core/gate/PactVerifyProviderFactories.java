package dev.handshake.core.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the producer's event factories: methods annotated with pact-jvm's
 * {@code @PactVerifyProvider("<description>")} in compiled classes. The annotation is matched by class name
 * and read reflectively, so the producer's test code works unchanged under pact-jvm's own runner and
 * Handshake does not need pact-jvm on its classpath.
 */
public final class PactVerifyProviderFactories {
  public static final String ANNOTATION = "au.com.dius.pact.provider.PactVerifyProvider";

  private final Map<String, EventFactory> byDescription;
  private final List<String> duplicates;

  private PactVerifyProviderFactories(Map<String, EventFactory> byDescription, List<String> duplicates) {
    this.byDescription = byDescription;
    this.duplicates = duplicates;
  }

  /**
   * Scans the {@code .class} files under {@code classDirectories} (e.g. target/test-classes), loading them
   * with {@code loader}, which must also see their dependencies.
   */
  public static PactVerifyProviderFactories scan(List<Path> classDirectories, ClassLoader loader) {
    Map<String, EventFactory> found = new LinkedHashMap<>();
    List<String> duplicates = new ArrayList<>();
    Set<String> producerClasses = new HashSet<>();
    for (Path directory : classDirectories) {
      if (Files.isDirectory(directory)) {
        producerClasses.addAll(classNames(directory));
      }
    }
    for (Path directory : classDirectories) {
      if (!Files.isDirectory(directory)) {
        continue;
      }
      for (String className : classNames(directory)) {
        Class<?> type;
        Method[] methods;
        try {
          type = Class.forName(className, false, loader);
          methods = type.getDeclaredMethods();
        } catch (ClassNotFoundException | LinkageError e) {
          continue; // a class whose dependencies are absent cannot hold a usable factory
        }
        for (Method method : methods) {
          String description = description(method);
          if (description == null) {
            continue;
          }
          EventFactory factory = new MethodFactory(type, method, loader, producerClasses);
          EventFactory previous = found.putIfAbsent(description, factory);
          if (previous != null) {
            duplicates.add("\"" + description + "\" is built by both " + previous.source() + " and "
                + factory.source() + "; the first is used");
          }
        }
      }
    }
    return new PactVerifyProviderFactories(found, duplicates);
  }

  public static PactVerifyProviderFactories of(Map<String, EventFactory> factories) {
    return of(factories, List.of());
  }

  public static PactVerifyProviderFactories of(Map<String, EventFactory> factories, List<String> duplicates) {
    return new PactVerifyProviderFactories(new LinkedHashMap<>(factories), List.copyOf(duplicates));
  }

  public Optional<EventFactory> find(String description) {
    return Optional.ofNullable(byDescription.get(description));
  }

  public Map<String, EventFactory> all() {
    return java.util.Collections.unmodifiableMap(byDescription);
  }

  public List<String> duplicates() {
    return List.copyOf(duplicates);
  }

  private static String description(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().getName().equals(ANNOTATION)) {
        try {
          Object value = annotation.annotationType().getMethod("value").invoke(annotation);
          return value == null ? null : value.toString();
        } catch (ReflectiveOperationException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static List<String> classNames(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(p -> p.toString().endsWith(".class"))
          .map(p -> directory.relativize(p).toString())
          .filter(name -> !name.endsWith("module-info.class") && !name.endsWith("package-info.class"))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('\\', '.').replace('/', '.'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list classes under " + directory, e);
    }
  }

  /** Calls a factory method: static, or on a new instance made with the no-argument constructor. */
  private record MethodFactory(Class<?> type, Method method, ClassLoader loader, Set<String> producerClasses)
      implements EventFactory {
    @Override
    public String source() {
      return type.getName() + "." + method.getName() + "()";
    }

    @Override
    public EventOutcome outcome() {
      return EventOutcome.of(this, producerClasses::contains);
    }

    @Override
    public Object create() throws Exception {
      if (method.getParameterCount() != 0) {
        throw new IllegalArgumentException(source() + " takes parameters; a @PactVerifyProvider method for "
            + "Handshake takes none");
      }
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        method.setAccessible(true);
        Object target = null;
        if (!Modifier.isStatic(method.getModifiers())) {
          Constructor<?> constructor;
          try {
            constructor = type.getDeclaredConstructor();
          } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no no-argument constructor, so "
                + source() + " cannot be called; add one or make the method static", e);
          }
          constructor.setAccessible(true);
          target = constructor.newInstance();
        }
        return method.invoke(target);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Exception exception) {
          throw exception;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw e;
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
  }
}
