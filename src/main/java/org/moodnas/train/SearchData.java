package org.moodnas.train;

import org.moodnas.data.ImageSet;

/** A search's data: the split that trains the weights, the split that trains α and β. */
public record SearchData(ImageSet weightsSet, ImageSet archSet, DataFeed feed) {}
