package org.moodnas.profile;

/**
 * What a network costs: trainable parameters without and with the auxiliary head, parameter size in
 * MB (the published model size: params / 1e6), multiply-accumulates of convolution and linear
 * layers for one image (auxiliary head excluded), and the median latency of a forward pass when
 * measured (null otherwise).
 */
public record Profile(
    long params, long paramsWithAux, long flops, Double latencyMs, String device, int batchSize) {

  public double paramSizeMb() {
    return params / 1e6;
  }

  public Profile withLatency(double ms, String device, int batchSize) {
    return new Profile(params, paramsWithAux, flops, ms, device, batchSize);
  }
}
