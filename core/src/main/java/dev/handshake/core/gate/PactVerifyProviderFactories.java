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
import dev.handshake.core.contract.MessageInteraction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the producer's event factories: methods annotated with pact-jvm's
 * {@code @PactVerifyProvider("<description>")} in compiled classes. The annotation is matched by class name
 * and read reflectively, so the producer's test code works unchanged under pact-jvm's own runner and
 * Handshake does not need pact-jvm on its classpath.
 */
public final class PactVerifyProviderFactories {
  public static final String ANNOTATION = "au.com.dius.pact.provider.PactVerifyProvider";

  /** One factory method and the description its annotation gives. */
  public record Named(String description, EventFactory factory) {
  }

  private final List<Named> factories;

  private PactVerifyProviderFactories(List<Named> factories) {
    this.factories = List.copyOf(factories);
  }

  /**
   * Scans the {@code .class} files under {@code classDirectories} (e.g. target/test-classes), loading them
   * with {@code loader}, which must also see their dependencies. Several methods may carry one description: each
   * publishes it on its own topic, which only calling them tells ({@link #choose}).
   */
  public static PactVerifyProviderFactories scan(List<Path> classDirectories, ClassLoader loader) {
    List<Named> found = new ArrayList<>();
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
        Arrays.sort(methods, Comparator.comparing(Method::getName)); // the JVM's order is unspecified
        for (Method method : methods) {
          String description = description(method);
          if (description != null) {
            found.add(new Named(description, new MethodFactory(type, method, loader, producerClasses)));
          }
        }
      }
    }
    return new PactVerifyProviderFactories(found);
  }

  public static PactVerifyProviderFactories of(Map<String, EventFactory> factories) {
    List<Named> named = new ArrayList<>();
    factories.forEach((description, factory) -> named.add(new Named(description, factory)));
    return new PactVerifyProviderFactories(named);
  }

  public static PactVerifyProviderFactories of(List<Named> factories) {
    return new PactVerifyProviderFactories(factories);
  }

  /** The first factory for a description, whatever its topic. */
  public Optional<EventFactory> find(String description) {
    return factories.stream().filter(f -> f.description().equals(description)).map(Named::factory).findFirst();
  }

  /**
   * The factory for an interaction: its description, and the topic its record names equal to the interaction's
   * (a factory whose record names no topic, or that failed, matches any topic; one naming the topic wins over it).
   * An interaction on a topic no factory's record names is {@link FactoryChoice.TopicNotPublished}, once any
   * factory names a topic: until then the producer states none and every topic is taken as published.
   */
  public FactoryChoice choose(MessageInteraction interaction) {
    List<EventFactory> described = factories.stream().filter(f -> f.description().equals(interaction.description()))
        .map(Named::factory).toList();
    Optional<String> topic = interaction.topic();
    Set<String> published = publishedTopics();
    if (topic.isPresent() && !published.isEmpty() && !published.contains(topic.get())) {
      return new FactoryChoice.TopicNotPublished(topic.get(), List.copyOf(published));
    }
    List<EventFactory> onTopic = described.stream()
        .filter(f -> topic.isPresent() && topic.equals(topicOf(f))).toList();
    List<EventFactory> anyTopic = described.stream().filter(f -> topicOf(f).isEmpty()).toList();
    List<EventFactory> candidates = !onTopic.isEmpty() ? onTopic : topic.isPresent() ? anyTopic : described;
    if (candidates.isEmpty()) {
      return new FactoryChoice.Missing(described.stream().map(f -> f.source() + topicOf(f)
          .map(t -> " (topic \"" + t + "\")").orElse("")).toList());
    }
    return new FactoryChoice.Chosen(candidates.get(0));
  }

  /** Every topic the factories' records name, sorted. */
  public Set<String> publishedTopics() {
    Set<String> topics = new TreeSet<>();
    factories.forEach(f -> topicOf(f.factory()).ifPresent(topics::add));
    return topics;
  }

  /**
   * Factories the gate cannot tell apart: the same description and the same topic (or both naming none), each
   * naming the methods, for the front end to refuse before an interaction is checked against the wrong one.
   */
  public List<String> ambiguities() {
    Map<String, List<EventFactory>> byDescriptionAndTopic = new LinkedHashMap<>();
    for (Named named : factories) {
      String key = "@PactVerifyProvider(\"" + named.description() + "\") " + topicOf(named.factory())
          .map(t -> "on topic \"" + t + "\"").orElse("naming no topic");
      byDescriptionAndTopic.computeIfAbsent(key, k -> new ArrayList<>()).add(named.factory());
    }
    List<String> ambiguities = new ArrayList<>();
    byDescriptionAndTopic.forEach((key, same) -> {
      if (same.size() > 1) {
        ambiguities.add(key + " is built by " + String.join(" and ", same.stream().map(EventFactory::source)
            .toList()));
      }
    });
    return ambiguities;
  }

  public List<Named> all() {
    return factories;
  }

  /** The topic a factory's record names: known after it ran, empty for a bare value, no topic or a failure. */
  private static Optional<String> topicOf(EventFactory factory) {
    EventOutcome outcome = factory.outcome();
    RecordEnvelope envelope = outcome instanceof EventOutcome.Record record ? record.envelope()
        : outcome instanceof EventOutcome.Serialized serialized ? serialized.envelope() : null;
    return envelope == null ? Optional.empty() : Optional.ofNullable(envelope.topic());
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
