package org.moodnas.memory;

/** How well a memory model fits samples: MAE and max error in MB, MAPE in percent. */
public record FitQuality(int samples, double maeMb, double maxErrorMb, double mapePercent) {}
