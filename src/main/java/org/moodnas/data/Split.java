package org.moodnas.data;

/**
 * A set cut in two: in a search, {@code first} trains the network weights and {@code rest} the
 * architecture parameters.
 */
public record Split(ImageSource first, ImageSource rest) {}
