package io.pgtrickle.jdbc;

import io.pgtrickle.jdbc.script.DdlRouter;
import io.pgtrickle.jdbc.script.ScriptPlan;
import io.pgtrickle.jdbc.wrapper.CallableStatementForwarding;
import java.sql.CallableStatement;

/**
 * A callable statement ({@code prepareCall}): the prepared-statement behaviour of
 * {@link TricklePreparedStatement} plus PgJDBC's OUT-parameter methods, forwarded unchanged.
 */
public class TrickleCallableStatement extends TricklePreparedStatement
    implements CallableStatementForwarding {

  private final CallableStatement callable;

  TrickleCallableStatement(
      TrickleConnection connection, CallableStatement delegate, DdlRouter router, ScriptPlan plan) {
    super(connection, delegate, router, plan);
    this.callable = delegate;
  }

  @Override
  public final CallableStatement callableDelegate() {
    return callable;
  }
}
