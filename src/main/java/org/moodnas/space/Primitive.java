package org.moodnas.space;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Cell operations. The first eight are the PC-DARTS search space; the last two appear only in
 * published genotypes (NASNet, AmoebaNet) and are built by the evaluation network alone.
 */
public enum Primitive {
  NONE("none", true),
  MAX_POOL_3X3("max_pool_3x3", true),
  AVG_POOL_3X3("avg_pool_3x3", true),
  SKIP_CONNECT("skip_connect", true),
  SEP_CONV_3X3("sep_conv_3x3", true),
  SEP_CONV_5X5("sep_conv_5x5", true),
  DIL_CONV_3X3("dil_conv_3x3", true),
  DIL_CONV_5X5("dil_conv_5x5", true),
  SEP_CONV_7X7("sep_conv_7x7", false),
  CONV_7X1_1X7("conv_7x1_1x7", false);

  /** The search space in the order of the architecture parameters' columns. */
  public static final List<Primitive> SEARCH_SPACE =
      Arrays.stream(values()).filter(p -> p.searchable).toList();

  private final String opName;
  private final boolean searchable;

  Primitive(String opName, boolean searchable) {
    this.opName = opName;
    this.searchable = searchable;
  }

  /** The name used in genotype JSON and in the published code. */
  public String opName() {
    return opName;
  }

  public boolean searchable() {
    return searchable;
  }

  public static Optional<Primitive> byName(String name) {
    return Arrays.stream(values()).filter(p -> p.opName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return opName;
  }
}
