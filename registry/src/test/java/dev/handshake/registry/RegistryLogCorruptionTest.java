package dev.handshake.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handshake.core.registry.RegistrySchema;
import dev.handshake.core.registry.RestSchemaRegistry;
import dev.handshake.registry.store.CorruptLogException;
import dev.handshake.registry.store.LogFrame;
import dev.handshake.registry.store.StoreLog;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: one flipped bit in the middle of the log must not hand acknowledged ids to new schemas. A bad frame
 * followed by intact ones is corruption: the registry refuses to start, naming the file, the offset and the
 * repair; the repair cuts explicitly, keeps the bytes, and moves the id counter past every id they may hold.
 */
class RegistryLogCorruptionTest {
  private static final int SCHEMAS = 60;

  @TempDir
  Path dataDir;

  @Test
  void aFlippedBitInAPayloadStopsTheStartAndRepairKeepsEveryAcknowledgedIdFromReuse() throws Exception {
    List<Integer> ids = registerMany();
    Path log = dataDir.resolve(StoreLog.FILE_NAME);
    long middle = Files.size(log) / 2;
    flipBit(log, middle, 3);

    assertThatThrownBy(() -> RegistryServer.start(RegistryServer.Options.of(dataDir, 0)))
        .isInstanceOf(CorruptLogException.class)
        .hasMessageContaining(log.toString()).hasMessageContaining("corrupted at offset")
        .hasMessageContaining("handshake registry repair --data-dir " + dataDir);
    assertThat(Files.size(log)).as("nothing is cut without the operator").isGreaterThan(middle);

    String report = RegistryServer.repair(dataDir);
    assertThat(report).contains("cut ").contains(StoreLog.CUT_PREFIX);
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      RestSchemaRegistry client = RestSchemaRegistry.of(server.url());
      int fresh = client.register("after-repair", RegistrySchema.of(record("AfterRepair")));
      assertThat(fresh).as("a new schema never gets an id that was acknowledged before the damage")
          .isGreaterThan(ids.get(ids.size() - 1));
      assertThat(client.schemaById(ids.get(0)).schema()).contains("R0");
    }
    assertThat(sideFiles(StoreLog.CUT_PREFIX)).hasSize(1);
    assertThat(RegistryServer.repair(dataDir)).contains("intact");
  }

  @Test
  void aCorruptedLengthIsNeverTrustedAtStart() throws Exception {
    registerMany();
    Path log = dataDir.resolve(StoreLog.FILE_NAME);
    long frame = secondFrameStart(log);
    flipBit(log, frame, 6);   // the length's top byte: a frame of about 1 GiB
    assertThatThrownBy(() -> RegistryServer.start(RegistryServer.Options.of(dataDir, 0)))
        .isInstanceOf(CorruptLogException.class).hasMessageContaining("offset " + frame);
  }

  @Test
  void aTornTailIsCutAtStartAndItsSideFileIsKeptAcrossRestarts() throws Exception {
    registerMany();
    Path log = dataDir.resolve(StoreLog.FILE_NAME);
    for (int restart = 0; restart < 4; restart++) {
      try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
        file.seek(file.length());
        file.write(new byte[] {0, 0, 0, 100, 1, 2, 3, 4, '{', '"'});
      }
      try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
        assertThat(RestSchemaRegistry.of(server.url()).subjects()).hasSize(SCHEMAS);
      }
      // Side files are named by the millisecond; wait for the clock to move so each keeps its own.
      long now = System.currentTimeMillis();
      while (System.currentTimeMillis() == now) {
        Thread.onSpinWait();
      }
    }
    assertThat(sideFiles(StoreLog.TORN_PREFIX)).as("no side file is deleted automatically").hasSize(4);
  }

  private List<Integer> registerMany() throws Exception {
    List<Integer> ids = new ArrayList<>();
    try (RegistryServer server = RegistryServer.start(RegistryServer.Options.of(dataDir, 0))) {
      RestSchemaRegistry client = RestSchemaRegistry.of(server.url());
      for (int i = 0; i < SCHEMAS; i++) {
        ids.add(client.register("s" + i, RegistrySchema.of(record("R" + i))));
      }
    }
    return ids;
  }

  private static String record(String name) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
  }

  private static long secondFrameStart(Path log) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      return LogFrame.HEADER + file.readInt();
    }
  }

  private static void flipBit(Path file, long offset, int bit) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ (1 << bit));
    }
  }

  private List<Path> sideFiles(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dataDir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    }
  }
}
