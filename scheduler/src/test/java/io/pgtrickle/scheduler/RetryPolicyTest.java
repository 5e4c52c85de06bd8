package io.pgtrickle.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgtrickle.scheduler.RetryPolicy.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Failure classification by SQLSTATE, backoff and suspension. */
class RetryPolicyTest {

  @Test
  void classifiesBySqlState() {
    assertEquals(Kind.CONTENTION, RetryPolicy.classify("40001"));
    assertEquals(Kind.CONTENTION, RetryPolicy.classify("40P01"));
    assertEquals(Kind.CONTENTION, RetryPolicy.classify("55P03"));
    assertEquals(Kind.TRANSIENT, RetryPolicy.classify("08006"));
    assertEquals(Kind.TRANSIENT, RetryPolicy.classify("53300"));
    assertEquals(Kind.TRANSIENT, RetryPolicy.classify("57014"));
    assertEquals(Kind.TRANSIENT, RetryPolicy.classify("XX000"));
    assertEquals(Kind.TRANSIENT, RetryPolicy.classify(null));
    assertEquals(Kind.PERMANENT, RetryPolicy.classify("22012"));
    assertEquals(Kind.PERMANENT, RetryPolicy.classify("42703"));
    assertEquals(Kind.PERMANENT, RetryPolicy.classify("55000"));
  }

  @Test
  void backoffDoublesUpToTheCap() {
    RetryPolicy p = RetryPolicy.DEFAULT;
    assertEquals(Duration.ofSeconds(1), p.backoff(1));
    assertEquals(Duration.ofSeconds(2), p.backoff(2));
    assertEquals(Duration.ofSeconds(32), p.backoff(6));
    assertEquals(Duration.ofSeconds(60), p.backoff(7));
    assertEquals(Duration.ofSeconds(60), p.backoff(1000));
  }

  @Test
  void suspendsAfterTheConfiguredFailuresInARow() {
    RetryPolicy p = new RetryPolicy(Duration.ofMillis(10), Duration.ofSeconds(5), 3);
    assertFalse(p.afterFailure(Kind.TRANSIENT, 2).suspend());
    assertEquals(Duration.ofMillis(20), p.afterFailure(Kind.TRANSIENT, 2).retryAfter());
    assertEquals(Duration.ofSeconds(5), p.afterFailure(Kind.PERMANENT, 1).retryAfter());
    assertTrue(p.afterFailure(Kind.PERMANENT, 3).suspend());
    assertTrue(p.afterFailure(Kind.TRANSIENT, 4).suspend());
  }
}
