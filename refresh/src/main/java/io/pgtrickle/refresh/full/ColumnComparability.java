package io.pgtrickle.refresh.full;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides per column type whether rows can be grouped and ordered by the column itself (the type has a
 * default btree operator class), or must be compared by its text form (json, xml, point, box, xid, …).
 *
 * <p>Rules, following PostgreSQL's own lookup: a default btree opclass whose input type is the type or
 * binary-coercible from it by an implicit cast (varchar uses text_ops; xml's explicit binary cast to text
 * does not count); domains use their base type; enums, ranges and
 * multiranges always have one; arrays and composites are comparable when their element / every
 * attribute type is (array_ops, record_ops). Btree rather than hash because the refresh partitions
 * rows with window functions, which sort.
 */
public final class ColumnComparability {

  private static final String TYPE =
      "SELECT t.\"typtype\", t.\"typbasetype\", t.\"typelem\", t.\"typrelid\","
          + " t.\"typsubscript\" = 'pg_catalog.array_subscript_handler'::pg_catalog.regproc,"
          + " EXISTS (SELECT 1 FROM pg_catalog.pg_opclass oc"
          + "   JOIN pg_catalog.pg_am am ON am.\"oid\" = oc.\"opcmethod\""
          + "  WHERE am.\"amname\" = ? AND oc.\"opcdefault\""
          + "    AND (oc.\"opcintype\" = t.\"oid\" OR EXISTS (SELECT 1 FROM pg_catalog.pg_cast k"
          + "          WHERE k.\"castsource\" = t.\"oid\" AND k.\"casttarget\" = oc.\"opcintype\""
          + "            AND k.\"castmethod\" = 'b' AND k.\"castcontext\" = 'i')))"
          + " FROM pg_catalog.pg_type t WHERE t.\"oid\" = ?::oid";

  private static final String ATTRIBUTES =
      "SELECT a.\"atttypid\" FROM pg_catalog.pg_attribute a"
          + " WHERE a.\"attrelid\" = ?::oid AND a.\"attnum\" > 0 AND NOT a.\"attisdropped\"";

  private final Connection connection;
  private final String accessMethod;
  private final Map<Long, Boolean> known = new HashMap<>();

  /** Btree comparability (grouping and sorting). */
  public ColumnComparability(Connection connection) {
    this(connection, "btree");
  }

  /**
   * Comparability through the default operator class of {@code accessMethod} ({@code "btree"}, or
   * {@code "hash"} for whether a value can be hashed, e.g. by {@code hash_record_extended}).
   */
  public ColumnComparability(Connection connection, String accessMethod) {
    this.connection = connection;
    this.accessMethod = accessMethod;
  }

  /** Whether values of type {@code typeOid} can be grouped and sorted directly. */
  public boolean sortable(long typeOid) throws SQLException {
    Boolean cached = known.get(typeOid);
    if (cached != null) {
      return cached;
    }
    known.put(typeOid, Boolean.FALSE); // guards against recursive composite types
    boolean result = compute(typeOid);
    known.put(typeOid, result);
    return result;
  }

  private boolean compute(long typeOid) throws SQLException {
    char typtype;
    long baseType;
    long elementType;
    long relid;
    boolean trueArray;
    boolean hasOpclass;
    try (PreparedStatement ps = connection.prepareStatement(TYPE)) {
      ps.setString(1, accessMethod);
      ps.setLong(2, typeOid);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        typtype = rs.getString(1).charAt(0);
        baseType = rs.getLong(2);
        elementType = rs.getLong(3);
        relid = rs.getLong(4);
        trueArray = rs.getBoolean(5);
        hasOpclass = rs.getBoolean(6);
      }
    }
    if (hasOpclass) {
      return true;
    }
    switch (typtype) {
      case 'd':
        return sortable(baseType);
      case 'e':
      case 'r':
      case 'm':
        return true;
      case 'c':
        for (long attributeType : attributeTypes(relid)) {
          if (!sortable(attributeType)) {
            return false;
          }
        }
        return true;
      case 'b':
        return trueArray && elementType != 0 && sortable(elementType);
      default:
        return false;
    }
  }

  private List<Long> attributeTypes(long relid) throws SQLException {
    List<Long> types = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(ATTRIBUTES)) {
      ps.setLong(1, relid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          types.add(rs.getLong(1));
        }
      }
    }
    return types;
  }
}
