package io.pgtrickle.jdbc.wrapper;

import java.sql.SQLException;
import java.sql.Wrapper;
import java.util.Objects;

/**
 * Base of every pgtrickle JDBC wrapper: holds the delegate and implements {@link Wrapper} the way
 * p6spy's wrappers do. {@code unwrap(X)} returns this object when it is an {@code X}, else the
 * delegate when that is an {@code X}, else whatever the delegate's own {@code unwrap(X)} returns; so
 * {@code unwrap(Connection.class)} gives the pgtrickle wrapper while {@code unwrap(PGConnection.class)}
 * and {@code unwrap(BaseConnection.class)} reach PgJDBC's connection.
 */
public abstract class JdbcWrapper<T extends Wrapper> implements Wrapper {

  /** The object every call is forwarded to (a PgJDBC object, or another wrapper). */
  protected final T delegate;

  protected JdbcWrapper(T delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public <I> I unwrap(Class<I> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    if (iface.isInstance(delegate)) {
      return iface.cast(delegate);
    }
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || iface.isInstance(delegate) || delegate.isWrapperFor(iface);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + delegate + "]";
  }
}
