package dev.handshake.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

  @Test
  void neverHoldsMoreThanItsCapacityEvenUnderConcurrentLoads() throws Exception {
    BoundedCache<Integer, String> cache = new BoundedCache<>(100);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> loads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 10_000;
        loads.add(threads.submit(() -> {
          for (int i = 0; i < 10_000; i++) {
            assertThat(cache.computeIfAbsent(offset + i, key -> "v" + key)).isEqualTo("v" + (offset + i));
            assertThat(cache.size()).isLessThanOrEqualTo(100 + 4);
          }
        }));
      }
      for (Future<?> load : loads) {
        load.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(cache.size()).isLessThanOrEqualTo(100);
  }

  @Test
  void keepsWhatWasLoadedUntilItIsFull() {
    BoundedCache<String, Integer> cache = new BoundedCache<>(3);
    cache.computeIfAbsent("a", key -> 1);

    assertThat(cache.computeIfAbsent("a", key -> 2)).isEqualTo(1);
    assertThat(cache.get("a")).isEqualTo(1);
  }
}
