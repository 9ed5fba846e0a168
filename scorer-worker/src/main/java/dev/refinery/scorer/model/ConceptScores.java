package dev.refinery.scorer.model;

/**
 * Graph values of one tower before the joint embedding: per-colour scores [batch, colours] and per-shape scores
 * [batch, shapes] (word weight sums for text, probabilities for images).
 */
record ConceptScores(String colours, String shapes) {}
