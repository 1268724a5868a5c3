package org.moodnas.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.nn.ops.TorchRandom;
import org.moodnas.nn.search.SupernetSpec;
import org.moodnas.space.GenotypeRegistry;

/**
 * Every linear layer starts as PyTorch's nn.Linear: the bias drawn from U(−1/√fan_in, 1/√fan_in)
 * (fan_in: the weight's second axis), from the seeded generator.
 */
class LinearBiasTest {

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void theEvaluationNetworksClassifierAndAuxiliaryHeadStartAsPyTorchsLinear() {
    NetworkSpec spec =
        NetworkSpec.cifar(GenotypeRegistry.bundled().get("PC_DARTS_cifar"), 8, 5, 10, true);
    Supplier<Block> build =
        () -> {
          Block net = spec.build();
          net.initialize(manager, DataType.FLOAT32, spec.inputShape(1));
          return net;
        };
    Map<String, float[]> biases = biases(build, 7);
    assertThat(biases.keySet())
        .containsExactlyInAnyOrder("classifier_bias", "auxiliary_head_classifier_bias");
    assertEqual(biases(build, 7), biases);
    assertThat(biases(build, 8).get("classifier_bias")).isNotEqualTo(biases.get("classifier_bias"));
  }

  @Test
  void theSupernetsClassifierStartsAsPyTorchsLinear() {
    Supplier<Block> build =
        () -> {
          Block net = SupernetSpec.cifar(8, 5, 10).build();
          net.initialize(manager, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 3, 32, 32));
          return net;
        };
    Map<String, float[]> biases = biases(build, 3);
    assertThat(biases.keySet()).containsExactly("classifier_bias");
    assertEqual(biases(build, 3), biases);
  }

  private static void assertEqual(Map<String, float[]> again, Map<String, float[]> first) {
    assertThat(again.keySet()).isEqualTo(first.keySet());
    first.forEach((name, b) -> assertThat(again.get(name)).as(name).containsExactly(b));
  }

  /**
   * Every bias of a network built and initialized under {@code seed}, by name, each checked to lie
   * within its layer's bound and not to be all zero.
   */
  private static Map<String, float[]> biases(Supplier<Block> build, long seed) {
    Block[] net = new Block[1];
    TorchRandom.seeded(seed, () -> net[0] = build.get());
    Map<String, Parameter> params = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : net[0].getParameters()) {
      params.put(p.getKey(), p.getValue());
    }
    Map<String, float[]> biases = new LinkedHashMap<>();
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      if (e.getValue().getType() != Parameter.Type.BIAS) {
        continue;
      }
      String name = e.getKey();
      Parameter weight = params.get(name.replaceFirst("bias$", "weight"));
      long fanIn = weight.getArray().getShape().get(1);
      double bound = 1 / Math.sqrt(fanIn);
      float[] b = e.getValue().getArray().toFloatArray();
      double largest = 0;
      for (float v : b) {
        assertThat(Math.abs(v)).as(name).isLessThanOrEqualTo((float) bound);
        largest = Math.max(largest, Math.abs(v));
      }
      // ten draws from U(−b, b) all within a tenth of b of zero: a 1e-10 chance
      assertThat(largest).as(name).isGreaterThan(bound / 10);
      biases.put(name.replaceAll("\\d{2}", ""), b); // DJL numbers the blocks: 08classifier
    }
    return biases;
  }
}
