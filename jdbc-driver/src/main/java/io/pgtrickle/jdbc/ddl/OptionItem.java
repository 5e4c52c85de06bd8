package io.pgtrickle.jdbc.ddl;

import io.pgtrickle.refresh.api.OptionSetting;
import java.util.Locale;

/**
 * One item of a parenthesized option list ({@code WITH (…)}, {@code SET (…)}, {@code RESET (…)}):
 * {@code [namespace.]name [= value]} with the names case folded, {@code value} decoded (null when
 * absent), {@code valueText} exactly as written and {@code [start, end)} the item's source span.
 */
record OptionItem(
    String namespace, String name, String value, String valueText, int start, int end) {

  static final String PGTRICKLE = "pgtrickle";

  boolean isPgtrickle() {
    return PGTRICKLE.equals(namespace);
  }

  /** For a {@code pgtrickle.*} item: the option name after the prefix, lower-cased. */
  String optionName() {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The item as written but folded, e.g. {@code pgtrickle.refresh_mode} or {@code fillfactor}. */
  String displayName() {
    return namespace == null ? name : namespace + "." + name;
  }

  OptionSetting toPgtrickleSetting() {
    return new OptionSetting(optionName(), value, valueText);
  }

  OptionSetting toStorageSetting() {
    return new OptionSetting(displayName(), value, valueText);
  }
}
