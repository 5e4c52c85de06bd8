package io.pgtrickle.dvm.plan;

import org.apache.calcite.rel.type.RelDataType;

/**
 * An output column of a node.
 *
 * @param name its name (Calcite's field name: user alias, source column name, or {@code EXPR$n})
 * @param type its Calcite type (PostgreSQL decides the real type; see {@code OutputCrossCheck})
 */
public record Column(String name, RelDataType type) {}
