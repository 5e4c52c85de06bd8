package io.pgtrickle.cdc.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgtrickle.spi.cdc.SourceRelation;
import io.pgtrickle.testing.Jdbc;
import io.pgtrickle.testing.PgTest;
import io.pgtrickle.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Every captured statement notifies {@code pgtrickle_wake} with the source's OID, once per committed
 * transaction and source; a rolled-back transaction notifies nobody.
 */
@PgTest
class WakeNotificationTest {

  @Test
  void aCommittedWriteNotifiesOncePerTransactionWithTheSourceOid(TestDatabase db) throws SQLException {
    try (Connection c = db.connect(); Connection listener = db.connect()) {
      Jdbc.exec(c, "CREATE TABLE wake_src (id int, v text)");
      SourceRelation s = Db.source(c, "wake_src");
      new TriggerCdcBackend().ensureCapture(c, s, Set.of("v"));
      Jdbc.exec(listener, "LISTEN " + CaptureFunction.WAKE_CHANNEL);
      c.setAutoCommit(false);
      Jdbc.exec(c, "INSERT INTO wake_src VALUES (1, 'a')", "UPDATE wake_src SET v = 'b'",
          "DELETE FROM wake_src WHERE id = 2");
      c.rollback();
      assertEquals(List.of(), drain(listener));
      Jdbc.exec(c, "INSERT INTO wake_src VALUES (1, 'a')", "UPDATE wake_src SET v = 'b'",
          "TRUNCATE wake_src");
      c.commit();
      assertEquals(List.of(Long.toString(s.oid())), drain(listener));
    }
  }

  private static List<String> drain(Connection listener) throws SQLException {
    List<String> payloads = new ArrayList<>();
    PGNotification[] got = listener.unwrap(PGConnection.class).getNotifications(500);
    for (PGNotification n : got == null ? new PGNotification[0] : got) {
      assertEquals(CaptureFunction.WAKE_CHANNEL, n.getName());
      payloads.add(n.getParameter());
    }
    return payloads;
  }
}
