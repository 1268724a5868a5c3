package org.moodnas.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.moodnas.nn.ops.SyncBatchNorm;

/**
 * Outside a data-parallel step {@link SyncBatchNorm} is DJL's BatchNorm: the same outputs and
 * running statistics bit for bit, and the same saved bytes (checkpoints load either way).
 */
class SyncBatchNormTest {

  private static Block djl(boolean affine) {
    return BatchNorm.builder()
        .optEpsilon(1e-5f)
        .optMomentum(0.9f)
        .optCenter(affine)
        .optScale(affine)
        .build();
  }

  private static byte[] saved(Block block) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    block.saveParameters(new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  @Test
  void outsideAShardGroupItIsDjlsBatchNormBitForBit() throws IOException {
    for (boolean affine : new boolean[] {true, false}) {
      try (NDManager m = NDManager.newBaseManager()) {
        Shape shape = new Shape(5, 3, 4, 4);
        Block ours = new SyncBatchNorm(1e-5f, 0.9f, affine);
        Block theirs = djl(affine);
        ours.initialize(m, DataType.FLOAT32, shape);
        theirs.initialize(m, DataType.FLOAT32, shape);
        ParameterStore store = new ParameterStore(m, false);
        for (int step = 0; step < 3; step++) {
          NDArray x = m.randomNormal(shape).mul(2f).add((float) step);
          for (boolean training : new boolean[] {true, false}) {
            float[] a = ours.forward(store, new NDList(x), training).head().toFloatArray();
            float[] b = theirs.forward(store, new NDList(x), training).head().toFloatArray();
            assertThat(a).as("affine %s training %s", affine, training).containsExactly(b);
          }
        }
        assertThat(saved(ours)).isEqualTo(saved(theirs));
      }
    }
  }
}
