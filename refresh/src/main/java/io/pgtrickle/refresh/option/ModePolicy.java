package io.pgtrickle.refresh.option;

import io.pgtrickle.refresh.sql.SqlStates;
import java.sql.SQLException;

/**
 * Resolves a requested {@code refresh_mode} to the mode a stream table starts with. {@code full} gives
 * FULL; {@code differential} gives DIFFERENTIAL and {@code auto} provisionally FULL — both then ask
 * {@link io.pgtrickle.refresh.diff.DifferentialSetup}, which makes an {@code auto} stream table
 * differential when its query can be maintained so; {@code immediate} is refused with SQLSTATE 0A000
 * until it exists.
 */
public final class ModePolicy {

  private ModePolicy() {}

  /** The initial effective mode for {@code requested}: never {@link RefreshMode#AUTO}. */
  public static RefreshMode effectiveMode(RefreshMode requested) throws SQLException {
    return switch (requested) {
      case AUTO, FULL -> RefreshMode.FULL;
      case DIFFERENTIAL -> RefreshMode.DIFFERENTIAL;
      case IMMEDIATE -> throw SqlStates.error(
          SqlStates.FEATURE_NOT_SUPPORTED,
          "refresh_mode '" + requested.sqlName() + "' is not supported yet",
          null,
          "Use pgtrickle.refresh_mode = 'auto', 'differential' or 'full'.");
    };
  }

  /** Whether differential maintenance should be attempted for {@code requested}. */
  public static boolean wantsDifferential(RefreshMode requested) {
    return requested == RefreshMode.AUTO || requested == RefreshMode.DIFFERENTIAL;
  }
}
