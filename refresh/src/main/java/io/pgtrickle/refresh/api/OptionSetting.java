package io.pgtrickle.refresh.api;

import java.util.Objects;

/**
 * One {@code name = value} item of a {@code WITH (…)} / {@code SET (…)} list.
 *
 * <p>For {@code pgtrickle.*} options {@code name} is the part after {@code pgtrickle.}, lower-cased
 * (e.g. {@code refresh_mode}). For ordinary storage parameters it is the parameter as written, case
 * folded (e.g. {@code fillfactor} or {@code toast.autovacuum_enabled}).
 *
 * <p>{@code value} is the value's text with any quoting removed ({@code 'full'} and {@code full} both
 * give {@code full}), or null when the item had no value ({@code WITH (pgtrickle.append_only)}), which
 * PostgreSQL reads as {@code true} for booleans. {@code valueText} is the value exactly as written
 * (quotes included) so that storage parameters can be handed back to PostgreSQL verbatim; null when
 * there was no value.
 */
public record OptionSetting(String name, String value, String valueText) {

  public OptionSetting {
    Objects.requireNonNull(name, "name");
  }

  public static OptionSetting of(String name, String value) {
    return new OptionSetting(name, value, value == null ? null : "'" + value.replace("'", "''") + "'");
  }

  /** The item as SQL for a storage-parameter list: {@code name = valueText} or just {@code name}. */
  public String toSql() {
    return valueText == null ? name : name + " = " + valueText;
  }
}
