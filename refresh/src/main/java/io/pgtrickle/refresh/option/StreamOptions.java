package io.pgtrickle.refresh.option;

import java.sql.SQLException;

/**
 * The complete, validated option set of one stream table, one typed field per {@link StreamOption}
 * (except {@link StreamOption#STREAM} and {@link StreamOption#STATUS}, which is state rather than an
 * option and is applied by ALTER directly).
 *
 * @param schedule null when none was given
 */
public record StreamOptions(
    RefreshMode refreshMode,
    Schedule schedule,
    CdcMode cdcMode,
    boolean appendOnly,
    DiamondConsistency diamondConsistency,
    PostRefreshChoice postRefreshAction,
    double reindexDriftThreshold) {

  /** Every option at its default. */
  public static StreamOptions defaults() {
    try {
      StreamOptions options =
          new StreamOptions(RefreshMode.AUTO, null, CdcMode.AUTO, false, DiamondConsistency.ATOMIC,
              PostRefreshChoice.NONE, 0.2);
      for (StreamOption option : StreamOption.values()) {
        options = options.reset(option);
      }
      return options;
    } catch (SQLException e) {
      throw new IllegalStateException("a default of StreamOption does not validate", e);
    }
  }

  /** A copy with {@code option} set to {@code value} (a value returned by {@link StreamOption#parse}). */
  public StreamOptions with(StreamOption option, Object value) {
    return switch (option) {
      case STREAM, STATUS -> this; // STATUS is catalog state, applied by ALTER itself
      case REFRESH_MODE -> new StreamOptions((RefreshMode) value, schedule, cdcMode, appendOnly,
          diamondConsistency, postRefreshAction, reindexDriftThreshold);
      case SCHEDULE -> new StreamOptions(refreshMode, (Schedule) value, cdcMode, appendOnly,
          diamondConsistency, postRefreshAction, reindexDriftThreshold);
      case CDC_MODE -> new StreamOptions(refreshMode, schedule, (CdcMode) value, appendOnly,
          diamondConsistency, postRefreshAction, reindexDriftThreshold);
      case APPEND_ONLY -> new StreamOptions(refreshMode, schedule, cdcMode, (Boolean) value,
          diamondConsistency, postRefreshAction, reindexDriftThreshold);
      case DIAMOND_CONSISTENCY -> new StreamOptions(refreshMode, schedule, cdcMode, appendOnly,
          (DiamondConsistency) value, postRefreshAction, reindexDriftThreshold);
      case POST_REFRESH_ACTION -> new StreamOptions(refreshMode, schedule, cdcMode, appendOnly,
          diamondConsistency, (PostRefreshChoice) value, reindexDriftThreshold);
      case REINDEX_DRIFT_THRESHOLD -> new StreamOptions(refreshMode, schedule, cdcMode, appendOnly,
          diamondConsistency, postRefreshAction, (Double) value);
    };
  }

  /** A copy with {@code option} back at its default. */
  public StreamOptions reset(StreamOption option) throws SQLException {
    if (option == StreamOption.STREAM) {
      return this;
    }
    Object value = option.defaultValue() == null ? null : option.parse(option.defaultValue());
    return with(option, value);
  }
}
