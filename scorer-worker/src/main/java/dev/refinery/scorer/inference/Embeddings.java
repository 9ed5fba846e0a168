package dev.refinery.scorer.inference;

/** L2-normalised embeddings of a batch: {@code images[i]} and {@code texts[j]}, each of the model's dimension. */
public record Embeddings(float[][] images, float[][] texts) {

    /** Cosine similarity of image {@code i} and text {@code j} (both are unit vectors). */
    public double cosine(int i, int j) {
        float[] a = images[i];
        float[] b = texts[j];
        double dot = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
        }
        return dot;
    }
}
