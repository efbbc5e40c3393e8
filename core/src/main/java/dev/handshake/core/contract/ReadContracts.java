package dev.handshake.core.contract;

import dev.handshake.core.SimilarNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contract files of one run, each read once, in the order given: the gate verifies them and the field-usage
 * map is built from the same parsed contracts. Contracts for another provider are counted, not kept.
 *
 * @param entries each kept file with its contract, or the reason it could not be read
 * @param skipped        how many readable contracts name another provider
 * @param otherProviders the providers those contracts name, sorted, each once (what a mistyped name was meant to be)
 */
public record ReadContracts(List<Entry> entries, int skipped, List<String> otherProviders) {

  /** One file: {@code contract} when it could be read, else {@code invalid}. */
  public record Entry(ContractSource source, MessageContract contract, ContractInvalidException invalid) {
  }

  public ReadContracts {
    entries = List.copyOf(entries);
    otherProviders = List.copyOf(otherProviders);
  }

  /** @param providerName only contracts with this provider are kept; null or blank keeps all */
  public static ReadContracts read(List<ContractSource> sources, String providerName) {
    ContractReader reader = new ContractReader();
    List<Entry> entries = new ArrayList<>();
    int skipped = 0;
    Set<String> otherProviders = new TreeSet<>();
    for (ContractSource source : sources) {
      MessageContract contract;
      try {
        contract = reader.read(source.file(), source.displayPath());
      } catch (ContractInvalidException e) {
        entries.add(new Entry(source, null, e));
        continue;
      }
      if (providerName != null && !providerName.isBlank() && !providerName.equals(contract.provider())) {
        skipped++;
        otherProviders.add(contract.provider());
        continue;
      }
      entries.add(new Entry(source, contract, null));
    }
    return new ReadContracts(entries, skipped, List.copyOf(otherProviders));
  }

  /**
   * Why nothing was kept when every contract names another provider: the name, where it looked, the providers
   * the contracts do name and the closest one (a typo is the likely cause), to follow who says it.
   *
   * @param option    how the front end names the provider option ({@code <providerName>}, {@code --provider})
   * @param locations where the contracts were read from, as the front end names it
   */
  public String noContractFor(String provider, String option, String locations) {
    List<String> close = SimilarNames.closeTo(provider, otherProviders);
    return "found no contract for the provider name \"" + provider + "\"" + (option.isEmpty() ? ""
        : " (" + option + ")") + " in " + locations + ": the " + skipped + " contract file(s) there name "
        + (otherProviders.size() == 1 ? "the provider " : "the providers ") + SimilarNames.quoted(otherProviders)
        + "." + (close.isEmpty() ? "" : " Did you mean \"" + close.get(0) + "\"?");
  }

  /** The contracts that could be read. */
  public List<MessageContract> contracts() {
    return entries.stream().filter(e -> e.contract() != null).map(Entry::contract).toList();
  }
}
