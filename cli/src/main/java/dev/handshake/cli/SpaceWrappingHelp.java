package dev.handshake.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Usage help that wraps lines at spaces only. Picocli wraps with a {@link java.text.BreakIterator}, which also
 * breaks after '/', ':' and '.', so URLs and paths ({@code http:} / {@code //localhost:8081},
 * {@code vN.} / {@code avsc}) were split across lines and could not be copied.
 */
final class SpaceWrappingHelp extends Help {

  SpaceWrappingHelp(CommandSpec spec, ColorScheme colorScheme) {
    super(spec, colorScheme);
  }

  static void install(CommandLine commandLine) {
    commandLine.setHelpFactory(SpaceWrappingHelp::new);
  }

  @Override
  public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
                                    ColorScheme scheme) {
    Layout layout = super.createDefaultLayout(options, positionals, scheme);
    return new Layout(scheme, new Table(scheme, layout.textTable().columns()), createDefaultOptionRenderer(),
        createDefaultParameterRenderer());
  }

  @Override
  public String description(Object... params) {
    return paragraphs(commandSpec().usageMessage().description(), params);
  }

  @Override
  public String header(Object... params) {
    return paragraphs(commandSpec().usageMessage().header(), params);
  }

  @Override
  public String footer(Object... params) {
    return paragraphs(commandSpec().usageMessage().footer(), params);
  }

  @Override
  public String commandList(Map<String, Help> subcommands) {
    if (subcommands.isEmpty()) {
      return "";
    }
    int width = commandSpec().usageMessage().width();
    int nameWidth = Math.min(subcommands.keySet().stream().mapToInt(String::length).max().orElse(0), width / 2);
    Table table = new Table(colorScheme(), new Column[] {
        new Column(nameWidth + 2, 2, Column.Overflow.SPAN),
        new Column(width - (nameWidth + 2), 2, Column.Overflow.WRAP)});
    for (Help help : subcommands.values()) {
      var usage = help.commandSpec().usageMessage();
      String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
      table.addRowValues(help.commandNamesText(", "), colorScheme().text(summary.length == 0 ? "" : summary[0]));
    }
    return table.toString();
  }

  private String paragraphs(String[] lines, Object... params) {
    if (lines == null || lines.length == 0) {
      return "";
    }
    Table table = new Table(colorScheme(), new Column[] {
        new Column(commandSpec().usageMessage().width(), 0, Column.Overflow.WRAP)});
    table.indentWrappedLines = 0;
    for (String line : lines) {
      table.addRowValues(params.length == 0 ? line : String.format(line, params));
    }
    return table.toString();
  }

  /** A text table whose wrapping columns break at spaces; a word longer than a whole line is still cut. */
  private static final class Table extends TextTable {
    Table(ColorScheme scheme, Column[] columns) {
      super(scheme, columns);
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
      Column column = columns()[col];
      if (column.overflow != Column.Overflow.WRAP || value == null
          || value.plainString().length() <= column.width - column.indent) {
        return super.putValue(row, col, value);
      }
      String plain = value.plainString();
      int indent = column.indent;
      Cell cell = null;
      int start = 0;
      int currentRow = row;
      while (start < plain.length()) {
        boolean first = start == 0;
        int room = column.width - indent - (first ? 0 : indentWrappedLines);
        int end = breakAt(plain, start, room);
        if (!first) {
          addEmptyRow();
          currentRow = rowCount() - 1;
          column.indent = indent + indentWrappedLines;
        }
        try {
          cell = super.putValue(currentRow, col, value.substring(start, end));
        } finally {
          column.indent = indent;
        }
        currentRow = cell.row;
        start = end;
        while (start < plain.length() && plain.charAt(start) == ' ') {
          start++;
        }
      }
      return cell;
    }

    private static int breakAt(String text, int start, int room) {
      if (text.length() - start <= room) {
        return text.length();
      }
      int space = text.lastIndexOf(' ', start + room);
      return space > start ? space : start + Math.max(room, 1);
    }
  }
}
