package dev.handshake.cli;

import picocli.CommandLine.Command;

@Command(name = "registry", mixinStandardHelpOptions = true,
    description = "The embedded schema registry (Confluent REST API over a durable local store).",
    subcommands = {RegistryServeCommand.class})
final class RegistryCommand {
}
