package org.moodnas.space;

/**
 * One operation of a cell: {@code input} 0 and 1 are the two previous cells' outputs, k ≥ 2 is
 * intermediate node k-2.
 */
public record Edge(Primitive op, int input) implements java.io.Serializable {}
