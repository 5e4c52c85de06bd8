package io.pgtrickle.docs;

import io.pgtrickle.refresh.option.StreamOption;

/** Renders the Markdown table of {@code pgtrickle.*} options from the option registry. */
final class OptionsTable {

  private OptionsTable() {}

  static String render() {
    StringBuilder md = new StringBuilder();
    md.append("| option | values | default | ALTER | what it does |\n");
    md.append("|---|---|---|---|---|\n");
    for (StreamOption option : StreamOption.values()) {
      md.append("| `").append(option.qualifiedName()).append("` | ")
          .append(escape(option.valueSyntax())).append(" | ")
          .append(option.defaultValue() == null ? "none" : "`" + option.defaultValue() + "`")
          .append(" | ").append(option.alterable() ? "yes" : "no")
          .append(" | ").append(escape(option.description())).append(" |\n");
    }
    return md.toString();
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
