package org.moodnas.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenotypeTest {

  private static final String PC_DARTS_CIFAR =
      "{\"normal\":[[\"sep_conv_3x3\",1],[\"skip_connect\",0],[\"sep_conv_3x3\",0],"
          + "[\"dil_conv_3x3\",1],[\"sep_conv_5x5\",0],[\"sep_conv_3x3\",1],[\"avg_pool_3x3\",0],"
          + "[\"dil_conv_3x3\",1]],\"normal_concat\":[2,3,4,5],\"reduce\":[[\"sep_conv_5x5\",1],"
          + "[\"max_pool_3x3\",0],[\"sep_conv_5x5\",1],[\"sep_conv_5x5\",2],[\"sep_conv_3x3\",0],"
          + "[\"sep_conv_3x3\",3],[\"sep_conv_3x3\",1],[\"sep_conv_3x3\",2]],"
          + "\"reduce_concat\":[2,3,4,5]}";

  @Test
  void canonicalJsonOfEveryBundledGenotypeEqualsThePublishedEntry() throws Exception {
    JsonNode published;
    try (InputStream in = getClass().getResourceAsStream("/org/moodnas/space/genotypes.json")) {
      published = new ObjectMapper().readTree(in).get("genotypes");
    }
    int count = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = published.fields(); it.hasNext(); count++) {
      Map.Entry<String, JsonNode> e = it.next();
      String canonical = GenotypeRegistry.bundled().get(e.getKey()).toJson();
      assertThat(new ObjectMapper().readTree(canonical)).as(e.getKey()).isEqualTo(e.getValue());
      assertThat(Genotype.fromJson(canonical).toJson()).isEqualTo(canonical);
    }
    assertThat(count).isEqualTo(70);
  }

  @Test
  void canonicalJsonIgnoresWhitespaceAndKeyOrder() {
    String shuffled =
        "{ \"reduce_concat\": [2,3,4,5], \"reduce\": [[\"sep_conv_5x5\",1],[\"max_pool_3x3\",0],"
            + "[\"sep_conv_5x5\",1],[\"sep_conv_5x5\",2],[\"sep_conv_3x3\",0],[\"sep_conv_3x3\",3],"
            + "[\"sep_conv_3x3\",1],[\"sep_conv_3x3\",2]],\n \"normal\": [[\"sep_conv_3x3\", 1],"
            + "[\"skip_connect\",0],[\"sep_conv_3x3\",0],[\"dil_conv_3x3\",1],[\"sep_conv_5x5\",0],"
            + "[\"sep_conv_3x3\",1],[\"avg_pool_3x3\",0],[\"dil_conv_3x3\",1]],"
            + " \"normal_concat\": [2,3,4,5] }";
    Genotype g = Genotype.fromJson(shuffled);
    assertThat(g.toJson()).isEqualTo(PC_DARTS_CIFAR);
    assertThat(g).isEqualTo(GenotypeRegistry.bundled().get("PC_DARTS_cifar"));
    assertThat(g.hash()).hasSize(16).isEqualTo(Genotype.fromJson(PC_DARTS_CIFAR).hash());
  }

  @Test
  void differentGenotypesHaveDifferentHashes() {
    GenotypeRegistry r = GenotypeRegistry.bundled();
    assertThat(r.get("DARTS_V1").hash()).isNotEqualTo(r.get("DARTS_V2").hash());
    long distinct = r.names().stream().map(n -> r.get(n).hash()).distinct().count();
    long distinctJson = r.names().stream().map(n -> r.get(n).toJson()).distinct().count();
    assertThat(distinct).isEqualTo(distinctJson);
  }

  @Test
  void malformedJsonIsRejectedInOneLine() {
    assertThatThrownBy(() -> Genotype.fromJson("{\"normal\": [}"))
        .isInstanceOf(GenotypeFormatException.class)
        .hasMessageStartingWith("genotype JSON is malformed")
        .hasMessageNotContaining("\n");
  }

  @Test
  void unknownOperationIsNamed() {
    String json = PC_DARTS_CIFAR.replace("dil_conv_3x3", "conv_9x9");
    assertThatThrownBy(() -> Genotype.fromJson(json))
        .isInstanceOf(GenotypeFormatException.class)
        .hasMessageContaining("unknown operation 'conv_9x9'");
  }

  @Test
  void edgesMayOnlyReadEarlierNodes() {
    String json =
        PC_DARTS_CIFAR.replace(
            "[\"sep_conv_3x3\",1],[\"skip_connect\",0]",
            "[\"sep_conv_3x3\",2],[\"skip_connect\",0]");
    assertThatThrownBy(() -> Genotype.fromJson(json))
        .hasMessageContaining("'normal' edge 0 (node 2) reads input 2, allowed 0..1");
  }

  @Test
  void missingKeysAndBadConcatAreRejected() {
    String noNormal = PC_DARTS_CIFAR.replaceFirst("\"normal\":\\[.*?\\]\\],", "\"normal\":[],");
    assertThatThrownBy(() -> Genotype.fromJson(noNormal))
        .hasMessageContaining("'normal' needs two edges per node, got 0 edges");
    assertThatThrownBy(() -> Genotype.fromJson("{\"normal\": []}"))
        .hasMessageContaining("'normal_concat' must be a list");
    String badConcat =
        PC_DARTS_CIFAR.replace("\"normal_concat\":[2,3,4,5]", "\"normal_concat\":[2,3,9]");
    assertThatThrownBy(() -> Genotype.fromJson(badConcat))
        .hasMessageContaining("'normal_concat' [2, 3, 9] must name distinct nodes in 0..5");
    assertThatThrownBy(() -> Genotype.fromJson("[1,2]")).hasMessageContaining("must be an object");
  }
}
