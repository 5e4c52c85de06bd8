/**
 * The {@code pgtrickle.*} options of stream tables. {@link io.pgtrickle.refresh.option.StreamOption} is
 * the registry (name, default, allowed values, value syntax, one-line description, catalog column,
 * whether ALTER may change it, validation); the user documentation is generated from it.
 * {@link io.pgtrickle.refresh.option.OptionValidator} applies WITH / SET / RESET lists,
 * {@link io.pgtrickle.refresh.option.StreamOptions} is one table's validated set and
 * {@link io.pgtrickle.refresh.option.ModePolicy} maps the requested refresh mode to the effective one.
 */
package io.pgtrickle.refresh.option;
