//! Clitic segmentation (being written).
