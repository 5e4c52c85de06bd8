package io.pgtrickle.benchmarks.e2e;

import io.pgtrickle.testing.PostgresServer;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the figures were measured on: printed first in every report. */
final class MachineInfo {
  private static final List<String> SETTINGS = List.of("shared_buffers", "work_mem", "maintenance_work_mem",
      "effective_cache_size", "fsync", "synchronous_commit", "full_page_writes", "wal_level", "max_wal_size",
      "jit", "max_parallel_workers_per_gather");

  private MachineInfo() {}

  static void collect(PostgresServer server, Connection c, Map<String, String> into) throws SQLException {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    into.put("date (UTC)", Instant.now().toString());
    into.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      into.put("memory", String.format(Locale.ROOT, "%.1f GiB", sun.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
    }
    into.put("load average (1 min, at start)", String.format(Locale.ROOT, "%.2f", os.getSystemLoadAverage()));
    into.put("OS", os.getName() + " " + os.getVersion() + " " + os.getArch());
    into.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    into.put("PostgreSQL", server.serverVersion());
    into.put("server", server.describe());
    try (Statement st = c.createStatement()) {
      for (String s : SETTINGS) {
        try (ResultSet rs = st.executeQuery("SELECT current_setting('" + s + "', true)")) {
          rs.next();
          into.put(s, String.valueOf(rs.getString(1)));
        }
      }
    }
  }
}
