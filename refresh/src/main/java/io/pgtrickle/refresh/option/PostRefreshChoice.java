package io.pgtrickle.refresh.option;

import io.pgtrickle.refresh.action.PostRefreshActions;
import java.util.Objects;

/**
 * A value of {@code pgtrickle.post_refresh_action}: {@code none}, or the name of a registered
 * {@link io.pgtrickle.spi.action.PostRefreshAction} (the built-ins {@code analyze}, {@code reindex},
 * {@code reindex_if_drift}, or a plugin's; {@link PostRefreshActions}).
 *
 * @param sqlName the option value as stored in the catalog
 */
public record PostRefreshChoice(String sqlName) implements OptionValue {

  /** No action. */
  public static final PostRefreshChoice NONE = new PostRefreshChoice(PostRefreshActions.NONE);

  public PostRefreshChoice {
    Objects.requireNonNull(sqlName, "sqlName");
  }

  /** Whether an action runs after a refresh. */
  public boolean isNone() {
    return PostRefreshActions.NONE.equals(sqlName);
  }
}
