package org.moodnas.nn.ops;

import ai.djl.nn.Block;
import org.moodnas.space.Primitive;

/** The DARTS OPS table: a block for a primitive at C channels and a stride. */
public final class Operations {

  private Operations() {}

  public static Block create(Primitive op, int c, int stride, Norm norm) {
    return switch (op) {
      case NONE -> new Zero(stride);
      case AVG_POOL_3X3 -> new Pooling(Pooling.Kind.AVG, 3, stride, 1);
      case MAX_POOL_3X3 -> new Pooling(Pooling.Kind.MAX, 3, stride, 1);
      case SKIP_CONNECT -> stride == 1 ? new Identity() : new FactorizedReduce(c, norm);
      case SEP_CONV_3X3 -> new SepConv(c, c, 3, stride, 1, norm);
      case SEP_CONV_5X5 -> new SepConv(c, c, 5, stride, 2, norm);
      case SEP_CONV_7X7 -> new SepConv(c, c, 7, stride, 3, norm);
      case DIL_CONV_3X3 -> new DilConv(c, c, 3, stride, 2, 2, norm);
      case DIL_CONV_5X5 -> new DilConv(c, c, 5, stride, 4, 2, norm);
      case CONV_7X1_1X7 -> new Conv7x1x7(c, stride, norm);
    };
  }
}
