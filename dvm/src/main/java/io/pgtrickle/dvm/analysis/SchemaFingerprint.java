package io.pgtrickle.dvm.analysis;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.pgtrickle.dvm.catalog.PgColumn;
import io.pgtrickle.dvm.catalog.PgRelation;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A digest of everything the analysis of a query depends on: the search path and, for each source
 * relation, its OID, name, kind, columns (name, type OID, typmod, NOT NULL) and keys. Two equal
 * fingerprints mean a cached analysis is still valid; any DDL on a source changes it.
 */
public final class SchemaFingerprint {
  private SchemaFingerprint() {}

  /** The fingerprint of {@code relations} under {@code searchPath}. */
  public static String of(Collection<PgRelation> relations, List<String> searchPath) {
    Hasher h = Hashing.sha256().newHasher();
    searchPath.forEach(s -> h.putString(s, StandardCharsets.UTF_8).putByte((byte) 0));
    relations.stream().sorted(Comparator.comparingLong(PgRelation::oid)).forEach(r -> {
      h.putLong(r.oid()).putString(r.schema(), StandardCharsets.UTF_8).putByte((byte) 0)
          .putString(r.name(), StandardCharsets.UTF_8).putChar(r.kind().code());
      for (PgColumn c : r.columns()) {
        h.putString(c.name(), StandardCharsets.UTF_8).putByte((byte) 0).putLong(c.type().oid())
            .putInt(c.typmod()).putBoolean(c.notNull());
      }
      h.putString(String.valueOf(r.primaryKey()), StandardCharsets.UTF_8)
          .putString(String.valueOf(r.uniqueKeys()), StandardCharsets.UTF_8);
    });
    return h.hash().toString();
  }
}
