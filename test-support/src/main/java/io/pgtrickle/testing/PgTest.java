package io.pgtrickle.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs a real PostgreSQL: the class gets its own fresh database on the shared
 * per-JVM server (see {@link PostgresServer#shared()}), and {@link TestDatabase} parameters are injected into
 * constructors, {@code @BeforeAll}, {@code @BeforeEach} and {@code @Test} methods.
 *
 * <p>When no server can be found or started the class is skipped, except when the environment variable
 * {@code CI=true}: then every test in the class fails.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresExtension.class)
public @interface PgTest {}
