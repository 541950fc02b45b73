"""The domain (metrics, periods, observations, sources, events), the view state and its
transforms: plain Python that every other layer reads and none of it imports Qt."""
