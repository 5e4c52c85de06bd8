package io.pgtrickle.refresh.option;

import io.pgtrickle.refresh.sql.SqlStates;
import java.sql.SQLException;

/**
 * Resolves a requested {@code refresh_mode} to the mode that actually runs. In this milestone every
 * stream table is maintained in FULL mode: {@code auto} and {@code full} give {@code full};
 * {@code differential} and {@code immediate} are refused with SQLSTATE 0A000 until they exist. The
 * catalog stores requested and effective mode separately so they slot in later.
 */
public final class ModePolicy {

  private ModePolicy() {}

  /** The effective mode for {@code requested}: never {@link RefreshMode#AUTO}. */
  public static RefreshMode effectiveMode(RefreshMode requested) throws SQLException {
    return switch (requested) {
      case AUTO, FULL -> RefreshMode.FULL;
      case DIFFERENTIAL, IMMEDIATE -> throw SqlStates.error(
          SqlStates.FEATURE_NOT_SUPPORTED,
          "refresh_mode '" + requested.sqlName() + "' is not supported yet",
          null,
          "Use pgtrickle.refresh_mode = 'auto' or 'full'.");
    };
  }
}
