package io.pgtrickle.corpus.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Creates the TPC-H schema (keys and indexes) and loads seeded data for a scale factor with {@code COPY}.
 * The same seed and scale always give the same database.
 */
public final class TpchLoader {

  private static final int BATCH_ROWS = 20_000;

  private final TpchScale scale;
  private final long seed;

  public TpchLoader(TpchScale scale, long seed) {
    this.scale = scale;
    this.seed = seed;
  }

  /** Creates the eight tables in the connection's current schema, loads them and analyzes them. */
  public void createAndLoad(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(resource("schema.sql"));
    }
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    Random random = new Random(seed);
    try (Batch regions = new Batch(copy, "region", null)) {
      for (int r = 0; r < TpchText.REGIONS.size(); r++) {
        regions.add(List.of(r, TpchText.REGIONS.get(r), TpchText.comment(random, 151)));
      }
    }
    try (Batch nations = new Batch(copy, "nation", null)) {
      for (int n = 0; n < TpchText.NATIONS.size(); n++) {
        nations.add(List.of(n, TpchText.NATIONS.get(n), TpchText.NATION_REGION[n], TpchText.comment(random, 151)));
      }
    }
    loadSuppliers(copy, random);
    loadParts(copy, random);
    loadCustomers(copy, random);
    OrderFactory factory = new OrderFactory(scale);
    try (Batch lines = new Batch(copy, "lineitem", null); Batch orders = new Batch(copy, "orders", lines)) {
      for (int i = 0; i < scale.orders(); i++) {
        OrderFactory.Order order = factory.order(random, OrderFactory.orderKey(i));
        orders.add(order.row());
        for (List<Object> line : order.lineItems()) {
          lines.add(line);
        }
      }
    }
    try (Statement st = c.createStatement()) {
      st.execute("ANALYZE region, nation, part, supplier, partsupp, customer, orders, lineitem");
    }
  }

  private void loadParts(CopyManager copy, Random random) throws SQLException {
    try (Batch partsupp = new Batch(copy, "partsupp", null); Batch parts = new Batch(copy, "part", partsupp)) {
      for (int p = 1; p <= scale.parts(); p++) {
        List<String> colors = new ArrayList<>(TpchText.COLORS);
        StringBuilder name = new StringBuilder();
        for (int w = 0; w < 5; w++) {
          name.append(w == 0 ? "" : " ").append(colors.remove(random.nextInt(colors.size())));
        }
        int mfgr = 1 + random.nextInt(5);
        parts.add(List.of(p, name.toString(), "Manufacturer#" + mfgr, "Brand#" + mfgr + (1 + random.nextInt(5)),
            TpchText.pick(random, TpchText.TYPE_1) + " " + TpchText.pick(random, TpchText.TYPE_2) + " "
                + TpchText.pick(random, TpchText.TYPE_3),
            1 + random.nextInt(50),
            TpchText.pick(random, TpchText.CONTAINER_1) + " " + TpchText.pick(random, TpchText.CONTAINER_2),
            OrderFactory.retailPrice(p), TpchText.comment(random, 22)));
        for (int i = 0; i < 4; i++) {
          partsupp.add(List.of(p, OrderFactory.supplierOf(p, i, scale.suppliers()), 1 + random.nextInt(9999),
              BigDecimal.valueOf(100 + random.nextInt(99_901), 2), TpchText.comment(random, 198)));
        }
      }
    }
  }

  private void loadSuppliers(CopyManager copy, Random random) throws SQLException {
    try (Batch suppliers = new Batch(copy, "supplier", null)) {
      for (int s = 1; s <= scale.suppliers(); s++) {
        int nation = random.nextInt(25);
        String comment = TpchText.comment(random, 100);
        if (random.nextInt(2000) < 10) { // spec 4.2.3: a few suppliers carry complaints or recommendations
          comment = (comment.length() > 60 ? comment.substring(0, 60) : comment)
              + (random.nextBoolean() ? " Customer slyly Complaints" : " Customer quickly Recommends");
        }
        suppliers.add(List.of(s, String.format("Supplier#%09d", s), TpchText.vString(random, 10, 40), nation,
            TpchText.phone(random, nation), BigDecimal.valueOf(random.nextInt(1_099_999) - 99_999, 2), comment));
      }
    }
  }

  private void loadCustomers(CopyManager copy, Random random) throws SQLException {
    try (Batch customers = new Batch(copy, "customer", null)) {
      for (int c = 1; c <= scale.customers(); c++) {
        int nation = random.nextInt(25);
        customers.add(List.of(c, String.format("Customer#%09d", c), TpchText.vString(random, 10, 40), nation,
            TpchText.phone(random, nation), BigDecimal.valueOf(random.nextInt(1_099_999) - 99_999, 2),
            TpchText.pick(random, TpchText.SEGMENTS), TpchText.comment(random, 116)));
      }
    }
  }

  static String resource(String name) {
    try (InputStream in = TpchLoader.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Rows for one table, sent with COPY in batches. A table with a child (whose foreign keys reference it)
   * sends the child's rows right after its own, so a child row never arrives before its parent row; the child
   * itself only sends when its parent does (or when closed).
   */
  private static final class Batch implements AutoCloseable {
    private final CopyManager copy;
    private final String table;
    private final Batch child;
    private final StringBuilder text = new StringBuilder();
    private int rows;

    Batch(CopyManager copy, String table, Batch child) {
      this.copy = copy;
      this.table = table;
      this.child = child;
    }

    void add(List<Object> row) throws SQLException {
      for (int i = 0; i < row.size(); i++) {
        text.append(i == 0 ? "" : "\t").append(row.get(i));
      }
      text.append('\n');
      if (++rows >= BATCH_ROWS && child != null) {
        flush();
      }
    }

    void flush() throws SQLException {
      if (rows == 0) {
        return;
      }
      try {
        copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(text.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      text.setLength(0);
      rows = 0;
      if (child != null) {
        child.flush();
      }
    }

    @Override
    public void close() throws SQLException {
      flush();
    }
  }
}
