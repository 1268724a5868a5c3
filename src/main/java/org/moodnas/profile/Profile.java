package org.moodnas.profile;

/**
 * What a network costs to hold and run: trainable parameters without and with the auxiliary head,
 * parameter size in MB (the published model size: params / 1e6), multiply-accumulates of
 * convolution and linear layers for one image (auxiliary head excluded).
 */
public record Profile(long params, long paramsWithAux, long flops) {

  public double paramSizeMb() {
    return params / 1e6;
  }
}
