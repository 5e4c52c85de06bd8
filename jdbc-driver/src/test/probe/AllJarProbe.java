import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * Run by AllJarIT as {@code java -cp pgtrickle-jdbc-<version>-all.jar AllJarProbe.java url user password}:
 * the all-jar alone must register the driver (META-INF/services/java.sql.Driver), find the engine
 * (ServiceLoader) and its relocated libraries, and reach PgJDBC through unwrap.
 */
public class AllJarProbe {
  public static void main(String[] args) throws Exception {
    Properties info = new Properties();
    info.setProperty("user", args[1]);
    if (args.length > 2 && !args[2].isEmpty()) {
      info.setProperty("password", args[2]);
    }
    try (Connection c = DriverManager.getConnection(args[0], info);
        Statement st = c.createStatement()) {
      System.out.println("connection=" + c.getClass().getName());
      System.out.println("driver=" + DriverManager.getDriver(args[0]).getClass().getName());
      try (ResultSet rs = st.executeQuery("SELECT version()")) {
        rs.next();
        System.out.println("version=" + rs.getString(1));
      }
      System.out.println("product=" + c.getMetaData().getDatabaseProductName());
      System.out.println("unwrapped=" + c.unwrap(Class.forName("org.postgresql.PGConnection")).getClass().getName());
      st.execute("DROP TABLE IF EXISTS probe_source CASCADE");
      st.execute("CREATE TABLE probe_source (k int PRIMARY KEY, v int)");
      st.execute("INSERT INTO probe_source VALUES (1, 10), (2, 20)");
      int created =
          st.executeUpdate(
              "CREATE MATERIALIZED VIEW probe_stream WITH (pgtrickle.stream = true,"
                  + " pgtrickle.schedule = '*/5 * * * *') AS SELECT k, v FROM probe_source");
      System.out.println("created=" + created);
      try (ResultSet rs = st.executeQuery(
          "SELECT schedule FROM pgtrickle.pgt_stream_tables WHERE storage_name = 'probe_stream'")) {
        rs.next();
        System.out.println("schedule=" + rs.getString(1));
      }
      st.execute("INSERT INTO probe_source VALUES (3, 30)");
      st.execute("REFRESH MATERIALIZED VIEW probe_stream");
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM probe_stream")) {
        rs.next();
        System.out.println("rows=" + rs.getInt(1));
      }
      st.execute("DROP MATERIALIZED VIEW probe_stream");
      st.execute("DROP TABLE probe_source");
      System.out.println("done");
    }
  }
}
