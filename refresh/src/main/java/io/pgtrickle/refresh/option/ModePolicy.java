package io.pgtrickle.refresh.option;

import java.sql.SQLException;

/**
 * Resolves a requested {@code refresh_mode} to the mode a stream table starts with. {@code full} gives
 * FULL; {@code differential} gives DIFFERENTIAL and {@code auto} provisionally FULL — both then ask
 * {@link io.pgtrickle.refresh.diff.DifferentialSetup}, which makes an {@code auto} stream table
 * differential when its query can be maintained so; {@code immediate} gives IMMEDIATE (set up by
 * {@link io.pgtrickle.refresh.immediate.ImmediateSetup}, which refuses a query it cannot maintain with
 * SQLSTATE 0A000; there is no fallback).
 */
public final class ModePolicy {

  private ModePolicy() {}

  /** The initial effective mode for {@code requested}: never {@link RefreshMode#AUTO}. */
  public static RefreshMode effectiveMode(RefreshMode requested) throws SQLException {
    return switch (requested) {
      case AUTO, FULL -> RefreshMode.FULL;
      case DIFFERENTIAL -> RefreshMode.DIFFERENTIAL;
      case IMMEDIATE -> RefreshMode.IMMEDIATE;
    };
  }

  /** Whether IMMEDIATE maintenance is asked for. */
  public static boolean wantsImmediate(RefreshMode requested) {
    return requested == RefreshMode.IMMEDIATE;
  }

  /** Whether differential maintenance should be attempted for {@code requested}. */
  public static boolean wantsDifferential(RefreshMode requested) {
    return requested == RefreshMode.AUTO || requested == RefreshMode.DIFFERENTIAL;
  }
}
