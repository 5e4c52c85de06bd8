package io.pgtrickle.refresh.action;

import io.pgtrickle.spi.action.PostRefreshAction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The registered {@link PostRefreshAction}s, found once with {@link ServiceLoader} (the built-ins and
 * any on the class path), by name. {@value #NONE} is the option value for "no action"; it is not an
 * action. Two registrations of one name: the first on the class path wins (and a warning is logged).
 */
public final class PostRefreshActions {

  /** The option value meaning no action. */
  public static final String NONE = "none";

  private static final System.Logger LOG = System.getLogger(PostRefreshActions.class.getName());
  private static final Map<String, PostRefreshAction> BY_NAME = load();

  private PostRefreshActions() {}

  /** The action called {@code name}, if registered. */
  public static Optional<PostRefreshAction> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** Every value the option accepts: {@value #NONE}, then the registered names in class-path order. */
  public static List<String> optionValues() {
    return Stream.concat(Stream.of(NONE), BY_NAME.keySet().stream()).toList();
  }

  private static Map<String, PostRefreshAction> load() {
    Map<String, PostRefreshAction> byName = new LinkedHashMap<>();
    for (PostRefreshAction action :
        ServiceLoader.load(PostRefreshAction.class, PostRefreshActions.class.getClassLoader())) {
      if (NONE.equals(action.name()) || byName.putIfAbsent(action.name(), action) != null) {
        LOG.log(System.Logger.Level.WARNING, "post-refresh action {0} ({1}) ignored: the name is taken",
            action.name(), action.getClass().getName());
      }
    }
    return Collections.unmodifiableMap(byName);
  }
}
