package dev.handshake.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Collect, report, fail once: when {@code check} and {@code verify} are bound to the same phase, the first to
 * fail would stop the build before the other printed its report (a schema finding would hide the consumer
 * report). So a goal that fails while another of them is still to run in the same phase of this project records
 * its failure and returns; the last one fails the build with every recorded failure. Goals run bare from the
 * command line, or bound to different phases, fail at once as usual.
 */
final class FailOnce {
  private static final Set<String> GATE_GOALS = Set.of("check", "verify");
  /** Both goals default to the verify phase. */
  private static final String DEFAULT_PHASE = "verify";
  private static final String CONTEXT_KEY = "dev.handshake.deferredFailures";

  private final MavenProject project;
  private final MojoExecution execution;
  private final Log log;

  FailOnce(MavenProject project, MojoExecution execution, Log log) {
    this.project = project;
    this.execution = execution;
    this.log = log;
  }

  /** This goal failed: fails the build now, or records the failure when a later handshake goal will report. */
  void fail(String failure) throws MojoFailureException {
    List<String> failures = deferred();
    failures.add(name() + " failed: " + failure);
    String later = laterGoal();
    if (later != null) {
      project.setContextValue(CONTEXT_KEY, failures);
      log.error(name() + " failed; the build fails after " + later + " has written its report too.");
      return;
    }
    throw failure(failures);
  }

  /** This goal passed: fails the build for earlier goals' failures if this is the last of them. */
  void passed() throws MojoFailureException {
    List<String> failures = deferred();
    if (!failures.isEmpty() && laterGoal() == null) {
      throw failure(failures);
    }
  }

  private MojoFailureException failure(List<String> failures) {
    project.setContextValue(CONTEXT_KEY, null);
    if (failures.size() == 1) {
      return new MojoFailureException(failures.get(0));
    }
    return new MojoFailureException(failures.size() + " Handshake goals failed (each report is above):"
        + System.lineSeparator() + String.join(System.lineSeparator(), failures));
  }

  @SuppressWarnings("unchecked")
  private List<String> deferred() {
    Object stored = project.getContextValue(CONTEXT_KEY);
    return stored instanceof List<?> list ? new ArrayList<>((List<String>) list) : new ArrayList<>();
  }

  private String name() {
    return "handshake:" + execution.getGoal() + " (" + execution.getExecutionId() + ")";
  }

  /** The next check/verify bound to this goal's phase after it, in Maven's order; null when none. */
  private String laterGoal() {
    Plugin plugin = execution.getPlugin();
    if (execution.getSource() != MojoExecution.Source.LIFECYCLE || plugin == null) {
      return null;
    }
    String phase = execution.getLifecyclePhase() != null ? execution.getLifecyclePhase() : DEFAULT_PHASE;
    boolean afterThis = false;
    for (PluginExecution candidate : plugin.getExecutions()) {
      String candidatePhase = candidate.getPhase() != null ? candidate.getPhase() : DEFAULT_PHASE;
      for (String goal : candidate.getGoals()) {
        if (afterThis && GATE_GOALS.contains(goal) && candidatePhase.equals(phase)) {
          return "handshake:" + goal + " (" + candidate.getId() + ")";
        }
        if (candidate.getId().equals(execution.getExecutionId()) && goal.equals(execution.getGoal())) {
          afterThis = true;
        }
      }
    }
    return null;
  }
}
