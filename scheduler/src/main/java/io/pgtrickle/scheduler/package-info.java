/**
 * The pgtrickle scheduler: refreshes stream tables on their schedules ({@link
 * io.pgtrickle.scheduler.Scheduler}), in the application's JVM (driver property
 * {@code pgtrickle.scheduler}) or standalone ({@link io.pgtrickle.scheduler.SchedulerMain}).
 */
package io.pgtrickle.scheduler;
