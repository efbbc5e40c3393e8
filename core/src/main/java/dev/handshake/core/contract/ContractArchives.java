package dev.handshake.core.contract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Contracts published as a jar or zip: every {@code *.json} outside META-INF is a contract. */
public final class ContractArchives {
  private ContractArchives() {
  }

  /**
   * Unpacks the archive's contracts under {@code target}; each is named {@code label!/entry} in findings. An
   * entry pointing outside {@code target} is not a contract and is skipped.
   */
  public static List<ContractSource> unpack(Path archive, Path target, String label) throws IOException {
    List<ContractSource> sources = new ArrayList<>();
    Path root = target.toAbsolutePath().normalize();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      List<ZipEntry> contracts = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        if (!entry.isDirectory() && entry.getName().endsWith(".json") && !entry.getName().startsWith("META-INF/")) {
          contracts.add(entry);
        }
      }
      contracts.sort(Comparator.comparing(ZipEntry::getName));
      for (ZipEntry entry : contracts) {
        Path out = root.resolve(entry.getName()).normalize();
        if (!out.startsWith(root)) {
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        sources.add(new ContractSource(out, label + "!/" + entry.getName()));
      }
    }
    return sources;
  }
}
