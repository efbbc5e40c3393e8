package dev.handshake.cli;

import picocli.CommandLine.Command;

@Command(name = "registry", mixinStandardHelpOptions = true,
    description = "Runs the embedded schema registry, a Confluent REST API over a durable local store.",
    footerHeading = "%nExamples:%n",
    footer = {"  handshake registry serve --data-dir ~/.handshake/registry --port 8081",
        "  handshake registry repair --data-dir ~/.handshake/registry"},
    subcommands = {RegistryServeCommand.class, RegistryRepairCommand.class})
final class RegistryCommand {
}
