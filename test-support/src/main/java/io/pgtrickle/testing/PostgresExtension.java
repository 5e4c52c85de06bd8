package io.pgtrickle.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension behind {@link PgTest}: one server per JVM ({@link PostgresServer#shared()}), one fresh
 * database per test class (created before the class, dropped with {@code WITH (FORCE)} after it). Resolves
 * parameters of type {@link TestDatabase} and {@link PostgresServer}.
 *
 * <p>{@code @Nested} classes share the database of their enclosing class. With
 * {@code @TestInstance(PER_CLASS)} the database is created when the constructor needs it.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);
  private static final String DATABASE = "database";
  private static final String OWNER = "owner";

  @Override
  public void beforeAll(ExtensionContext context) {
    database(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (context.getUniqueId().equals(store.get(OWNER, String.class))) {
      TestDatabase db = store.remove(DATABASE, TestDatabase.class);
      store.remove(OWNER);
      if (db != null) {
        Databases.drop(db);
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == TestDatabase.class || type == PostgresServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    if (type == PostgresServer.class) {
      return PostgresServer.shared();
    }
    if (type == TestDatabase.class) {
      return database(extensionContext);
    }
    throw new ParameterResolutionException("unsupported parameter type " + type);
  }

  /** The database of the class context above {@code context}, created on first use. */
  private static TestDatabase database(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    ExtensionContext.Store store = classContext.getStore(NAMESPACE);
    // Store.get also looks in enclosing contexts: a @Nested class finds its outer class's database.
    TestDatabase existing = store.get(DATABASE, TestDatabase.class);
    if (existing != null) {
      return existing;
    }
    synchronized (PostgresExtension.class) {
      existing = store.get(DATABASE, TestDatabase.class);
      if (existing != null) {
        return existing;
      }
      PostgresServer server = PostgresServer.shared();
      Class<?> testClass = classContext.getRequiredTestClass();
      TestDatabase db = Databases.create(server, testClass.getSimpleName());
      store.put(DATABASE, db);
      store.put(OWNER, classContext.getUniqueId());
      return db;
    }
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }
}
