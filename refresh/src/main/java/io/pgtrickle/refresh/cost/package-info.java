/** The AUTO cost model: FULL or DIFFERENTIAL per refresh ({@link io.pgtrickle.refresh.cost.AutoCostModel}). */
package io.pgtrickle.refresh.cost;
