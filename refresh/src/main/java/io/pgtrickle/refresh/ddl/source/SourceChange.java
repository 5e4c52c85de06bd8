package io.pgtrickle.refresh.ddl.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source of a stream table whose signature ({@code pgtrickle.source_signature}) differs from the
 * one stored when the stream table was created or last rebuilt.
 *
 * @param pgtId the dependent stream table
 * @param sourceRelid the source's OID
 * @param stored the stored signature (null for a catalog from before signatures)
 * @param current the signature now (null when the source is gone)
 * @param definitionViewExists whether the stream table's definition view still exists
 */
public record SourceChange(long pgtId, long sourceRelid, String stored, String current,
    boolean definitionViewExists) {

  /** The source's name as stored (before the change), for messages. */
  public String storedName() {
    return stored == null ? "relation " + sourceRelid : relation(stored);
  }

  /**
   * What changed, in words: "table a.t renamed to a.u", "column x renamed to y", "column x retyped
   * from integer to bigint", "column x dropped", "primary key changed", or "dropped".
   */
  public String describe() {
    if (current == null) {
      return storedName() + " dropped";
    }
    if (stored == null) {
      return relation(current) + " changed";
    }
    List<String> parts = new ArrayList<>();
    if (!relation(stored).equals(relation(current))) {
      parts.add(relation(stored) + " renamed to " + relation(current));
    }
    Map<String, String[]> before = columns(stored);
    Map<String, String[]> after = columns(current);
    for (Map.Entry<String, String[]> e : before.entrySet()) {
      String[] old = e.getValue();
      String[] now = after.get(e.getKey());
      if (now == null) {
        parts.add("column " + old[0] + " dropped");
        continue;
      }
      if (!old[0].equals(now[0])) {
        parts.add("column " + old[0] + " renamed to " + now[0]);
      }
      if (!old[1].equals(now[1])) {
        parts.add("column " + now[0] + " changed from " + old[1] + " to " + now[1]);
      }
    }
    for (Map.Entry<String, String[]> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        parts.add("column " + e.getValue()[0] + " " + e.getValue()[1]);
      }
    }
    return parts.isEmpty() ? relation(current) + " changed" : relation(current) + ": "
        + String.join(", ", parts);
  }

  private static String relation(String signature) {
    int paren = columnListStart(signature);
    return paren < 0 ? signature : signature.substring(0, paren);
  }

  /** attnum → {name, type and key marker}, parsed from "rel (1 a integer, 2 b text primary key)". */
  private static Map<String, String[]> columns(String signature) {
    Map<String, String[]> result = new LinkedHashMap<>();
    int paren = columnListStart(signature);
    if (paren < 0) {
      return result;
    }
    String list = signature.substring(paren + 2, signature.length() - 1);
    for (String item : splitTopLevel(list)) {
      String[] numberAndRest = item.split(" ", 2);
      String rest = numberAndRest.length > 1 ? numberAndRest[1] : "";
      String[] nameAndType = splitName(rest);
      result.put(numberAndRest[0], nameAndType);
    }
    return result;
  }

  /** Index of " (" that starts the column list (after the possibly quoted relation name), or -1. */
  private static int columnListStart(String signature) {
    boolean quoted = false;
    for (int i = 0; i < signature.length(); i++) {
      char c = signature.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ' ' && i + 1 < signature.length() && signature.charAt(i + 1) == '('
          && signature.endsWith(")")) {
        return i;
      }
    }
    return -1;
  }

  /** Splits on ", " outside double quotes and parentheses (types like numeric(10, 2)). */
  private static List<String> splitTopLevel(String list) {
    List<String> items = new ArrayList<>();
    boolean quoted = false;
    int depth = 0;
    int start = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c == ',' && i + 1 < list.length()
          && list.charAt(i + 1) == ' ') {
        items.add(list.substring(start, i));
        start = i + 2;
      }
    }
    items.add(list.substring(start));
    return items;
  }

  /** {"name", "type …"} from a possibly quoted name followed by a space and the type. */
  private static String[] splitName(String rest) {
    boolean quoted = false;
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ' ') {
        return new String[] {rest.substring(0, i), rest.substring(i + 1)};
      }
    }
    return new String[] {rest, ""};
  }
}
