package org.moodnas.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.moodnas.nn.ops.ChannelsLast;
import org.moodnas.nn.ops.DilConv;
import org.moodnas.nn.ops.Norm;
import org.moodnas.nn.ops.Pooling;
import org.moodnas.nn.ops.RectifiedInput;
import org.moodnas.nn.ops.Relu;
import org.moodnas.nn.ops.SepConv;

/**
 * The separable and dilated convolutions hand oneDNN channels-last copies and normalize plain
 * arrays; what they compute, and the gradients, are those of the same ops on plain arrays.
 */
class ChannelsLastTest {

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    JniUtils.setGradMode(false);
    manager.close();
  }

  /** libtorch's own answer: is the array stored densely in NCHW order (DJL does not ask it). */
  private static boolean plainContiguous(NDArray a) throws ReflectiveOperationException {
    Class<?> lib = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
    Field instance = lib.getDeclaredField("LIB");
    instance.setAccessible(true);
    Method isContiguous = lib.getDeclaredMethod("torchIsContiguous", long.class);
    isContiguous.setAccessible(true);
    return (boolean) isContiguous.invoke(instance.get(null), ((PtNDArray) a).getHandle());
  }

  @Test
  void layoutsChangeTheStorageNotTheValues() throws Exception {
    NDArray x = manager.randomNormal(new Shape(2, 6, 5, 7));
    NDArray last = ChannelsLast.of(x);
    assertThat(plainContiguous(x)).isTrue();
    assertThat(plainContiguous(last)).as("channels-last is not NCHW-contiguous").isFalse();
    assertThat(last.getShape()).isEqualTo(x.getShape());
    assertThat(last.toFloatArray()).containsExactly(x.toFloatArray());
    NDArray back = ChannelsLast.plain(last);
    assertThat(plainContiguous(back)).isTrue();
    assertThat(back.toFloatArray()).containsExactly(x.toFloatArray());
    // a channel slice (a partial-channel edge's input) is copied as well
    NDArray slice = x.split(new long[] {2}, 1).get(0);
    assertThat(plainContiguous(ChannelsLast.of(slice))).isFalse();
    assertThat(ChannelsLast.of(slice).toFloatArray()).containsExactly(slice.toFloatArray());
  }

  @Test
  void aSeparableConvolutionComputesWhatThePlainOpsDo() {
    // 5×5 depthwise kernels: on plain arrays oneDNN computes their weight gradient with GEMM
    checkAgainstPlainOps(new SepConv(8, 8, 5, 1, 2, Norm.FIXED), 2, 5, 1, 1);
  }

  @Test
  void aStridedDilatedConvolutionComputesWhatThePlainOpsDo() {
    // stride = dilation: computed on every other row and column (SubsampledConv)
    checkAgainstPlainOps(new DilConv(8, 8, 3, 2, 2, 2, Norm.FIXED), 1, 3, 2, 2);
    checkAgainstPlainOps(new DilConv(8, 8, 5, 2, 4, 2, Norm.FIXED), 1, 5, 2, 2);
    checkAgainstPlainOps(new DilConv(8, 8, 5, 1, 4, 2, Norm.FIXED), 1, 5, 2, 1);
  }

  @Test
  void anEdgeRectifiesOnceForItsConvolutionsAndGetsWhatEachWouldCompute() {
    NDArray whole = manager.randomNormal(new Shape(2, 16, 8, 8));
    NDArray x = whole.split(new long[] {4}, 1).get(0); // the edge's partial channels
    NDArray rectified = Relu.channelsLast(x);
    ParameterStore store = new ParameterStore(manager, false);
    for (RectifiedInput op :
        new RectifiedInput[] {
          new SepConv(4, 4, 3, 1, 1, Norm.FIXED),
          new SepConv(4, 4, 5, 2, 2, Norm.FIXED),
          new DilConv(4, 4, 5, 1, 4, 2, Norm.FIXED)
        }) {
      op.initialize(manager, DataType.FLOAT32, x.getShape());
      // eval mode: batch norm uses the running statistics, so the two calls see the same ones
      NDArray own = op.forward(store, new NDList(x), false).head();
      NDArray shared = op.forwardRectified(store, rectified, false);
      assertThat(shared.toFloatArray()).containsExactly(own.toFloatArray());
    }
  }

  @Test
  void maxPoolingOverChannelsLastPlanesPicksAndRoutesAsOnPlainArrays() {
    for (int[] kernelStridePadding : new int[][] {{3, 1, 1}, {3, 2, 1}, {2, 2, 0}}) {
      int k = kernelStridePadding[0];
      int st = kernelStridePadding[1];
      int p = kernelStridePadding[2];
      // rectified values: many ties at zero, where the gradient goes to the window's first maximum
      NDArray whole = Activation.relu(manager.randomNormal(new Shape(3, 10, 9, 9)));
      NDArray x = whole.split(new long[] {4}, 1).get(0); // a channel slice, as an edge's input
      Block pool = new Pooling(Pooling.Kind.MAX, k, st, p);
      pool.initialize(manager, DataType.FLOAT32, x.getShape());
      NDArray r = manager.randomNormal(pool.getOutputShapes(new Shape[] {x.getShape()})[0]);
      JniUtils.setGradMode(true);
      NDArray a = x.duplicate();
      a.setRequiresGradient(true);
      NDArray y = pool.forward(new ParameterStore(manager, false), new NDList(a), true).head();
      backward(y.mul(r).sum());
      NDArray b = x.duplicate();
      b.setRequiresGradient(true);
      NDArray expected =
          Pool.maxPool2d(b, new Shape(k, k), new Shape(st, st), new Shape(p, p), false);
      backward(expected.mul(r).sum());
      String what = k + "x" + k + " stride " + st;
      assertThat(y.toFloatArray()).as(what).containsExactly(expected.toFloatArray());
      assertThat(a.getGradient().toFloatArray())
          .as(what + " gradient")
          .containsExactly(b.getGradient().toFloatArray());
      JniUtils.setGradMode(false);
    }
  }

  /**
   * {@code op}'s output and the gradients of its input and weights against ReLU, depthwise conv,
   * pointwise conv and batch norm applied {@code stacks} times to plain arrays with the same
   * weights (the first stack with {@code stride}).
   */
  private void checkAgainstPlainOps(Block op, int stacks, int kernel, int dilation, int stride) {
    NDArray x = manager.randomNormal(new Shape(3, 8, 11, 11));
    op.initialize(manager, DataType.FLOAT32, x.getShape());
    List<NDArray> weights = new ArrayList<>();
    op.getParameters()
        .forEach(
            p -> {
              if (p.getValue().requiresGradient()) {
                weights.add(p.getValue().getArray());
              }
            });
    assertThat(weights).hasSize(2 * stacks);
    NDArray r = manager.randomNormal(op.getOutputShapes(new Shape[] {x.getShape()})[0]);
    JniUtils.setGradMode(true);

    x.setRequiresGradient(true);
    NDArray y = op.forward(new ParameterStore(manager, false), new NDList(x), true).head();
    backward(y.mul(r).sum());

    NDArray xPlain = x.duplicate();
    xPlain.setRequiresGradient(true);
    List<NDArray> plainWeights = new ArrayList<>();
    NDArray h = xPlain;
    int padding = dilation * (kernel - 1) / 2;
    for (int s = 0; s < stacks; s++) {
      NDArray dw = weights.get(2 * s).duplicate();
      NDArray pw = weights.get(2 * s + 1).duplicate();
      dw.setRequiresGradient(true);
      pw.setRequiresGradient(true);
      plainWeights.add(dw);
      plainWeights.add(pw);
      Shape pad = new Shape(padding, padding);
      Shape st = new Shape(s == 0 ? stride : 1, s == 0 ? stride : 1);
      h = Activation.relu(h);
      h = Conv2d.conv2d(h, dw, null, st, pad, new Shape(dilation, dilation), 8).head();
      h = Conv2d.conv2d(h, pw, null, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1).head();
      NDArray mean = manager.zeros(new Shape(8));
      NDArray var = manager.ones(new Shape(8));
      NDArray one = manager.ones(new Shape(8));
      NDArray zero = manager.zeros(new Shape(8));
      h = BatchNorm.batchNorm(h, mean, var, one, zero, 1, 0.9f, 1e-5f, true).head();
    }
    backward(h.mul(r).sum());

    assertClose(y, h, "output");
    assertClose(x.getGradient(), xPlain.getGradient(), "input gradient");
    for (int i = 0; i < weights.size(); i++) {
      assertClose(weights.get(i).getGradient(), plainWeights.get(i).getGradient(), "weight " + i);
    }
  }

  private static void backward(NDArray loss) {
    JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
  }

  private static void assertClose(NDArray actual, NDArray expected, String what) {
    float[] a = actual.toFloatArray();
    float[] e = expected.toFloatArray();
    assertThat(a).as(what).hasSameSizeAs(e);
    float scale = 0;
    for (float v : e) {
      scale = Math.max(scale, Math.abs(v));
    }
    assertThat(scale).as(what).isPositive();
    for (int i = 0; i < a.length; i++) {
      assertThat(Math.abs(a[i] - e[i]))
          .as(what + " [" + i + "]")
          .isLessThanOrEqualTo(1e-5f * scale);
    }
  }
}
